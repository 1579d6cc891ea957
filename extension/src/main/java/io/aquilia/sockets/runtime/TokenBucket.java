package io.aquilia.sockets.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A token bucket in its GCRA form: one atomic state holding the theoretical arrival time of the
 * next message (in microseconds) and the violations since the bucket was last full. A message is
 * allowed while the bucket holds a token; each allowed message moves the arrival time one interval
 * ahead.
 */
final class TokenBucket {

  /** The outcome of one message. */
  enum Verdict {
    ALLOW,
    REJECT,
    /** Rejected, and the violations reached the close threshold. */
    CLOSE
  }

  private record State(long tat, int violations) {}

  private final long interval;
  private final long tolerance;
  private final int closeAfter;
  private final AtomicReference<State> state;

  /**
   * @param perSecond tokens per second (at least 1)
   * @param burst bucket size (at least 1)
   * @param closeAfter violations before {@link Verdict#CLOSE}; 0 never
   * @param nowMicros the current time
   */
  TokenBucket(int perSecond, int burst, int closeAfter, long nowMicros) {
    this.interval = Math.max(1, 1_000_000L / perSecond);
    this.tolerance = (long) (Math.max(1, burst) - 1) * interval;
    this.closeAfter = closeAfter;
    this.state = new AtomicReference<>(new State(nowMicros, 0));
  }

  Verdict take(long nowMicros) {
    while (true) {
      State s = state.get();
      boolean full = s.tat <= nowMicros;
      long tat = Math.max(s.tat, nowMicros);
      int violations = full ? 0 : s.violations;
      State next;
      Verdict verdict;
      if (tat - nowMicros > tolerance) {
        next = new State(s.tat, violations + 1);
        verdict = closeAfter > 0 && next.violations >= closeAfter ? Verdict.CLOSE : Verdict.REJECT;
      } else {
        next = new State(tat + interval, violations);
        verdict = Verdict.ALLOW;
      }
      if (state.compareAndSet(s, next)) {
        return verdict;
      }
    }
  }
}
