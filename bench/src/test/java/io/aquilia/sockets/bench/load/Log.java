package io.aquilia.sockets.bench.load;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard output. */
final class Log {

  private Log() {}

  static void info(String format, Object... args) {
    System.out.println(
        "[bench "
            + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
            + "] "
            + format.formatted(args));
  }
}
