package io.aquilia.sockets.mp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Passes on at most {@value #PER_WINDOW} durations per {@value #WINDOW_MILLIS} ms, the rest being
 * dropped: every one up to 1,000 a second, a sample above. A MicroProfile timer computes
 * percentiles on every update, which cost the echo benchmark 8 % of the framework's CPU at 60,000
 * acknowledgements a second; a thousand samples a second describe the latency as well.
 */
final class SampledTimer {

  static final int PER_WINDOW = 100;
  static final long WINDOW_MILLIS = 100;
  private static final long WINDOW_NANOS = WINDOW_MILLIS * 1_000_000;

  private final Consumer<Duration> timer;
  private final LongSupplier clock;
  private final AtomicInteger inWindow = new AtomicInteger();
  private volatile long windowStart;

  /**
   * @param timer where the kept durations go
   * @param clock nanoseconds, as {@link System#nanoTime()}
   */
  SampledTimer(Consumer<Duration> timer, LongSupplier clock) {
    this.timer = timer;
    this.clock = clock;
    this.windowStart = clock.getAsLong();
  }

  /** Records {@code nanos}, unless this window has had its share. */
  void update(long nanos) {
    long now = clock.getAsLong();
    if (now - windowStart >= WINDOW_NANOS) {
      // two threads may both start the window: it then keeps a few more, never fewer
      windowStart = now;
      inWindow.set(0);
    }
    // a full window is only read: every thread incrementing one counter on every message made its
    // cache line move between the cores
    if (inWindow.get() < PER_WINDOW && inWindow.incrementAndGet() <= PER_WINDOW) {
      timer.accept(Duration.ofNanos(nanos));
    }
  }
}
