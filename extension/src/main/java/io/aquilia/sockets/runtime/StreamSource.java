package io.aquilia.sockets.runtime;

import java.util.Spliterator;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link Stream} returned by a handler, as a {@link Flow.Publisher} of one subscriber: items are
 * pulled on {@code executor}, only as many as requested, never on the caller's thread. The stream
 * is closed once it ends, fails or is cancelled.
 *
 * <p>{@code work} counts the reasons to run (requests, cancel); whoever raises it from zero
 * schedules one drain, which runs until it falls back to zero, or hands the thread back after
 * {@value #ITEMS_PER_TURN} items and schedules itself again. So at most one thread touches the
 * stream at a time, an endless stream does not keep a pool thread, and {@link #request} never
 * recurses into {@code onNext}.
 */
final class StreamSource implements Flow.Publisher<Object>, Flow.Subscription {

  /** Items pulled in one turn on a pool thread before it is handed back. */
  static final int ITEMS_PER_TURN = 64;

  private final Stream<?> stream;
  private final Executor executor;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger work = new AtomicInteger();
  private volatile boolean cancelled;
  private Spliterator<?> items; // drain thread only
  private boolean finished; // drain thread only
  private Flow.Subscriber<Object> subscriber;

  StreamSource(Stream<?> stream, Executor executor) {
    this.stream = stream;
    this.executor = executor;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Object> s) {
    @SuppressWarnings("unchecked")
    Flow.Subscriber<Object> cast = (Flow.Subscriber<Object>) s;
    this.subscriber = cast;
    s.onSubscribe(this);
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      cancelled = true;
      subscriber.onError(new IllegalArgumentException("request must be positive (rule 3.9)"));
    } else {
      demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
    }
    schedule();
  }

  @Override
  public void cancel() {
    cancelled = true;
    schedule();
  }

  private void schedule() {
    if (work.getAndIncrement() == 0) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        cancelled = true;
        close();
        subscriber.onError(e);
      }
    }
  }

  private void drain() {
    int missed = work.get();
    while (true) {
      if (!finished && pull()) {
        // a turn used up: let other streams have the thread, keep "work" raised for the next run
        reschedule();
        return;
      }
      missed = work.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void reschedule() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      cancelled = true;
      close();
      subscriber.onError(e);
    }
  }

  /** Pulls what is demanded, at most {@value #ITEMS_PER_TURN}; true if it stopped at that limit. */
  private boolean pull() {
    try {
      if (items == null) {
        items = stream.spliterator();
      }
      int pulled = 0;
      while (!cancelled && demand.get() > 0) {
        if (pulled == ITEMS_PER_TURN) {
          return true;
        }
        if (!items.tryAdvance(subscriber::onNext)) {
          close();
          subscriber.onComplete();
          return false;
        }
        pulled++;
        demand.decrementAndGet();
      }
      if (cancelled) {
        close();
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      close();
      subscriber.onError(e);
    }
    return false;
  }

  private void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      stream.close();
    } catch (RuntimeException e) {
      // closing is best effort; the reply has its answer already
    }
  }
}
