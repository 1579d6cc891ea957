package io.aquilia.sockets.bench;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-session send queue that a correct hand-written endpoint needs on Liberty (overlapping
 * asynchronous writes fail silently there): bounded, oldest dropped when full, one write in flight,
 * the next started from the previous write's completion.
 */
final class RawOutbox implements SendHandler {

  static final int CAPACITY = 1024;

  private final RemoteEndpoint.Async remote;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private boolean writing;

  RawOutbox(RemoteEndpoint.Async remote) {
    this.remote = remote;
  }

  /** Queues a text frame; never blocks. */
  void send(String text) {
    lock.lock();
    try {
      if (writing) {
        if (queue.size() >= CAPACITY) {
          queue.pollFirst();
        }
        queue.addLast(text);
        return;
      }
      writing = true;
    } finally {
      lock.unlock();
    }
    remote.sendText(text, this);
  }

  @Override
  public void onResult(SendResult result) {
    String next;
    lock.lock();
    try {
      next = queue.pollFirst();
      if (next == null) {
        writing = false;
      }
    } finally {
      lock.unlock();
    }
    if (next != null) {
      remote.sendText(next, this);
    }
  }
}
