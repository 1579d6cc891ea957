package io.aquilia.sockets.runtime;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The budget of WARN lines about drops and abuse of one socket, so that an attack (a thousand slow
 * consumers, a flood of refused origins) cannot flood the log: at most {@code perWindow} lines per
 * window across the socket's connections; the lines suppressed in a window are counted and reported
 * with the next line written. Each line still goes to its own class's logger.
 */
final class ThrottledLog {

  /** The default budget: 20 lines per 10 seconds per socket. */
  static final int PER_WINDOW = 20;

  static final long WINDOW_MILLIS = 10_000;

  private record Window(long start, int written) {}

  private final Clock clock;
  private final long windowMillis;
  private final int perWindow;
  private final AtomicReference<Window> window;
  private final AtomicLong suppressed = new AtomicLong();

  ThrottledLog(Clock clock) {
    this(clock, WINDOW_MILLIS, PER_WINDOW);
  }

  ThrottledLog(Clock clock, long windowMillis, int perWindow) {
    this.clock = clock;
    this.windowMillis = windowMillis;
    this.perWindow = perWindow;
    this.window = new AtomicReference<>(new Window(clock.millis(), 0));
  }

  /** Logs {@code message} at WARNING unless the window's budget is spent; true if written. */
  boolean warn(Logger logger, String message) {
    if (!logger.isLoggable(Level.WARNING)) {
      return false;
    }
    long now = clock.millis();
    while (true) {
      Window w = window.get();
      Window next =
          now - w.start() >= windowMillis
              ? new Window(now, 1)
              : new Window(w.start(), w.written() + 1);
      if (next.written() > perWindow) {
        suppressed.incrementAndGet();
        return false;
      }
      if (window.compareAndSet(w, next)) {
        long dropped = suppressed.getAndSet(0);
        logger.warning(
            dropped == 0 ? message : message + " (" + dropped + " similar lines suppressed)");
        return true;
      }
    }
  }

  /** Lines suppressed since the last line written. */
  long suppressed() {
    return suppressed.get();
  }
}
