package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.OverflowPolicy;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A connection's bounded outbound queue with exactly one write in flight. Offering never blocks: a
 * full queue applies the {@link OverflowPolicy}. The next write starts from the previous write's
 * completion; completions that arrive on the writing thread are handled by a loop, not recursion.
 */
final class Outbox {

  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
  private static final Object PING = new Object();

  private final String connectionId;
  private final Transport transport;
  private final int capacity;
  private final OverflowPolicy policy;
  private final Runnable onSlowConsumer;
  private final ReentrantLock lock = new ReentrantLock();
  // small at first: every open connection has one, and most are rarely behind
  private final ArrayDeque<Object> queue = new ArrayDeque<>(3);
  private final Consumer<Throwable> written = this::onWritten;
  // guarded by lock
  private boolean writing;
  private boolean inSend;
  private boolean completedInSend;
  private boolean closed;
  private long dropped;
  private long failed;

  Outbox(
      String connectionId,
      Transport transport,
      int capacity,
      OverflowPolicy policy,
      Runnable onSlowConsumer) {
    this.connectionId = connectionId;
    this.transport = transport;
    this.capacity = capacity;
    this.policy = policy;
    this.onSlowConsumer = onSlowConsumer;
  }

  /** Queues a text frame; false if closed or dropped. */
  boolean offer(String text) {
    boolean slow = false;
    long drops = 0;
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      if (!writing) {
        writing = true;
        startSend();
      } else if (queue.size() < capacity) {
        queue.addLast(text);
        return true;
      } else {
        switch (policy) {
          case DROP_OLDEST -> {
            queue.pollFirst();
            queue.addLast(text);
          }
          case DROP_NEWEST -> {}
          case CLOSE -> slow = true;
        }
        drops = ++dropped;
      }
    } finally {
      lock.unlock();
    }
    if (slow) {
      LOG.warning(Messages.slowConsumerClosed(connectionId, capacity));
      onSlowConsumer.run();
      return false;
    }
    if (drops > 0) {
      if (Long.bitCount(drops) == 1) {
        LOG.warning(Messages.dropped(connectionId, policy.name(), drops));
      }
      return policy == OverflowPolicy.DROP_OLDEST;
    }
    write(text);
    return true;
  }

  /** Queues a ping frame unless the connection is busy writing (then traffic is proof enough). */
  void ping() {
    lock.lock();
    try {
      if (closed || writing) {
        return;
      }
      writing = true;
    } finally {
      lock.unlock();
    }
    write(PING);
  }

  /**
   * Queues a close frame after what is queued; later offers are refused. With {@code immediate},
   * the queue is discarded first.
   */
  void close(CloseStatus status, boolean immediate) {
    boolean startNow;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (immediate) {
        queue.clear();
      }
      startNow = !writing;
      if (startNow) {
        writing = true;
      } else {
        queue.addLast(status);
      }
    } finally {
      lock.unlock();
    }
    if (startNow) {
      write(status);
    }
  }

  /** Number of messages dropped by the overflow policy. */
  long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** Number of queued messages. */
  int depth() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes {@code first} and then, while writes complete on this thread inside {@code sendText},
   * the queued items. The caller has marked the send as started ({@link #startSend()}) in the
   * critical section that took the item, so every message costs one lock to queue or take it and
   * one to learn whether it completed inline.
   */
  private void write(Object first) {
    Object item = first;
    while (item != null) {
      if (item instanceof CloseStatus status) {
        closeTransport(status);
        return;
      }
      if (item == PING) {
        pingTransport();
        item = next();
        continue;
      }
      try {
        transport.sendText((String) item, written);
      } catch (RuntimeException e) {
        onWritten(e);
      }
      lock.lock();
      try {
        inSend = false;
        if (!completedInSend) {
          return;
        }
        item = nextLocked();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Marks a send as started (guarded by lock): its completion may now arrive inline. */
  private void startSend() {
    inSend = true;
    completedInSend = false;
  }

  private void onWritten(Throwable failure) {
    Object next;
    lock.lock();
    try {
      if (failure != null) {
        failed++;
      }
      if (inSend) {
        completedInSend = true;
        return;
      }
      next = nextLocked();
    } finally {
      lock.unlock();
    }
    if (failure != null && LOG.isLoggable(Level.FINE)) {
      LOG.log(Level.FINE, "AQS-108 Write failed on connection " + connectionId, failure);
    }
    if (next != null) {
      write(next);
    }
  }

  private Object next() {
    lock.lock();
    try {
      return nextLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Takes the next item (guarded by lock); a taken item's send counts as started. */
  private Object nextLocked() {
    Object n = queue.pollFirst();
    if (n == null) {
      writing = false;
    } else {
      startSend();
    }
    return n;
  }

  private void pingTransport() {
    try {
      transport.sendPing();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "AQS-109 Ping failed on connection " + connectionId, e);
    }
  }

  private void closeTransport(CloseStatus status) {
    try {
      transport.close(status.code(), status.reason());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "AQS-110 Close failed on connection " + connectionId, e);
    }
  }
}
