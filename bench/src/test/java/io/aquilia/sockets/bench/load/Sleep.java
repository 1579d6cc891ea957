package io.aquilia.sockets.bench.load;

/** Sleeping for a measured interval, or between polls of a condition. */
final class Sleep {

  private Sleep() {}

  static void millis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls until the condition holds or the timeout passes; returns whether it holds. */
  static boolean until(java.util.function.BooleanSupplier condition, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      millis(10);
    }
    return true;
  }
}
