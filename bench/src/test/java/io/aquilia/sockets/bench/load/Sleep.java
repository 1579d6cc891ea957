package io.aquilia.sockets.bench.load;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting on conditions (Awaitility): the end of a measured interval, or a polled condition. */
final class Sleep {

  private Sleep() {}

  /** Waits until {@code ms} milliseconds have passed (the length of a measured interval). */
  static void millis(long ms) {
    long end = System.nanoTime() + ms * 1_000_000;
    await()
        .atMost(Duration.ofMillis(ms + 10_000))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(Math.max(1, Math.min(ms, 10))))
        .until(() -> System.nanoTime() >= end);
  }

  /** Polls until the condition holds or the timeout passes; returns whether it holds. */
  static boolean until(BooleanSupplier condition, long timeoutMillis) {
    try {
      await()
          .atMost(Duration.ofMillis(timeoutMillis))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .until(condition::getAsBoolean);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }
}
