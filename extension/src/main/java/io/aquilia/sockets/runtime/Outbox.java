package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.OverflowPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
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
  private final LongAdder droppedTotal;
  private final ThrottledLog warnings;
  private final Runnable onProgress;
  private final ReentrantLock lock = new ReentrantLock();
  // small at first: every open connection has one, and most are rarely behind
  private final ArrayDeque<Object> queue = new ArrayDeque<>(3);
  private final Consumer<Throwable> written = this::onWritten;
  // guarded by lock: run (outside the lock) once the queue is at most half full, or closed
  private final List<Runnable> roomWaiters = new ArrayList<>();
  // guarded by lock
  private boolean writing;
  private boolean inSend;
  private boolean completedInSend;
  private boolean closed;
  private long dropped;
  private long failed;
  private long accepted;

  Outbox(
      String connectionId,
      Transport transport,
      int capacity,
      OverflowPolicy policy,
      Runnable onSlowConsumer) {
    this(
        connectionId,
        transport,
        capacity,
        policy,
        onSlowConsumer,
        new LongAdder(),
        new ThrottledLog(java.time.Clock.systemUTC()),
        () -> {});
  }

  /**
   * @param droppedTotal also counts every drop (the socket's total, shared by its connections)
   * @param warnings the socket's budget of WARN lines (shared by its connections)
   * @param onProgress called after each text frame the transport reports written: the client is
   *     taking data (heartbeats count it as activity)
   */
  Outbox(
      String connectionId,
      Transport transport,
      int capacity,
      OverflowPolicy policy,
      Runnable onSlowConsumer,
      LongAdder droppedTotal,
      ThrottledLog warnings,
      Runnable onProgress) {
    this.warnings = warnings;
    this.onProgress = onProgress;
    this.connectionId = connectionId;
    this.transport = transport;
    this.capacity = capacity;
    this.policy = policy;
    this.onSlowConsumer = onSlowConsumer;
    this.droppedTotal = droppedTotal;
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
        accepted++;
        startSend();
      } else if (queue.size() < capacity) {
        queue.addLast(text);
        accepted++;
        return true;
      } else {
        switch (policy) {
          case DROP_OLDEST -> {
            queue.pollFirst();
            queue.addLast(text);
            accepted++;
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
      warnings.warn(LOG, Messages.slowConsumerClosed(connectionId, capacity));
      onSlowConsumer.run();
      return false;
    }
    if (drops > 0) {
      droppedTotal.increment();
      if (Long.bitCount(drops) == 1) {
        warnings.warn(LOG, Messages.dropped(connectionId, policy.name(), drops));
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
    long drops;
    List<Runnable> waiters;
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
      drops = dropped;
      waiters = takeWaitersLocked(true);
    } finally {
      lock.unlock();
    }
    if (drops > 0) {
      warnings.warn(LOG, Messages.droppedTotal(connectionId, policy.name(), drops));
    }
    runAll(waiters);
    if (startNow) {
      write(status);
    }
  }

  /**
   * Gives up on the queue and on the write in flight: closes the transport now, for a connection
   * whose close frame could not be written in time.
   */
  void abort(CloseStatus status) {
    List<Runnable> waiters;
    lock.lock();
    try {
      closed = true;
      queue.clear();
      waiters = takeWaitersLocked(true);
    } finally {
      lock.unlock();
    }
    runAll(waiters);
    closeTransport(status);
  }

  /**
   * How many more messages a streaming reply may queue now: the free places when the queue is at
   * most half full (at least 1 then), else 0; 0 when closed.
   */
  int room() {
    lock.lock();
    try {
      return closed || queue.size() > capacity / 2 ? 0 : capacity - queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code waiter} once the queue is at most half full, or closed: now (on this thread) if it
   * already is, else on the thread that completes the write that makes it so.
   */
  void whenRoom(Runnable waiter) {
    lock.lock();
    try {
      if (!closed && queue.size() > capacity / 2) {
        roomWaiters.add(waiter);
        return;
      }
    } finally {
      lock.unlock();
    }
    waiter.run();
  }

  private List<Runnable> takeWaitersLocked(boolean all) {
    if (roomWaiters.isEmpty() || (!all && queue.size() > capacity / 2)) {
      return List.of();
    }
    List<Runnable> taken = new ArrayList<>(roomWaiters);
    roomWaiters.clear();
    return taken;
  }

  private static void runAll(List<Runnable> waiters) {
    for (Runnable r : waiters) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, Messages.waiterFailed(), e);
      }
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

  /**
   * Number of text frames accepted (written or queued; with DROP_OLDEST, also those dropped later).
   */
  long accepted() {
    lock.lock();
    try {
      return accepted;
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
      List<Runnable> waiters;
      lock.lock();
      try {
        inSend = false;
        if (!completedInSend) {
          return;
        }
        item = nextLocked();
        waiters = takeWaitersLocked(false);
      } finally {
        lock.unlock();
      }
      runAll(waiters);
    }
  }

  /** Marks a send as started (guarded by lock): its completion may now arrive inline. */
  private void startSend() {
    inSend = true;
    completedInSend = false;
  }

  private void onWritten(Throwable failure) {
    if (failure == null) {
      onProgress.run();
    }
    Object next;
    List<Runnable> waiters;
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
      waiters = takeWaitersLocked(false);
    } finally {
      lock.unlock();
    }
    runAll(waiters);
    if (failure != null && LOG.isLoggable(Level.FINE)) {
      LOG.log(Level.FINE, Messages.writeFailed(connectionId), failure);
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
      LOG.log(Level.FINE, Messages.pingFailed(connectionId), e);
    }
  }

  private void closeTransport(CloseStatus status) {
    try {
      transport.close(status.code(), status.reason());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, Messages.closeFailed(connectionId), e);
    }
  }
}
