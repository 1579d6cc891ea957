package io.aquilia.sockets.runtime;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A WARN log that an attack cannot flood: at most {@code perWindow} lines per window; the lines
 * suppressed in a window are counted and reported with the next line written.
 */
final class ThrottledLog {

  private record Window(long start, int written) {}

  private final Logger logger;
  private final Clock clock;
  private final long windowMillis;
  private final int perWindow;
  private final AtomicReference<Window> window;
  private final AtomicLong suppressed = new AtomicLong();

  ThrottledLog(Logger logger, Clock clock, long windowMillis, int perWindow) {
    this.logger = logger;
    this.clock = clock;
    this.windowMillis = windowMillis;
    this.perWindow = perWindow;
    this.window = new AtomicReference<>(new Window(clock.millis(), 0));
  }

  /** Logs {@code message} at WARNING unless the window's budget is spent; true if written. */
  boolean warn(String message) {
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
        if (logger.isLoggable(Level.WARNING)) {
          logger.warning(
              dropped == 0 ? message : message + " (" + dropped + " similar lines suppressed)");
        }
        return true;
      }
    }
  }
}
