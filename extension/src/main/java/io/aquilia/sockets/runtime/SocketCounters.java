package io.aquilia.sockets.runtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * Protection counters of one socket since deployment, for logs and metrics. Incrementing never
 * blocks; {@link #snapshot()} reads them all.
 */
public final class SocketCounters {

  /**
   * The counters at one moment.
   *
   * @param handshakesRefused upgrades refused by the door (origin, authentication, quota)
   * @param refusedAfterUpgrade connections closed with 1008 as they opened (quota race, guard,
   *     roles, or a door that could only decide after the upgrade)
   * @param rateLimited messages answered with {@code WS_RATE_LIMIT_EXCEEDED}
   * @param rateLimitCloses connections closed for repeated rate limiting
   * @param guardDenials messages or connections denied by a guard or a role check
   * @param invalidMessages messages answered with {@code WS_MESSAGE_INVALID} before dispatch
   * @param oversizedMessages messages answered with {@code WS_PAYLOAD_TOO_LARGE}
   * @param shortCircuits messages answered by a middleware without reaching the handler
   */
  public record Snapshot(
      long handshakesRefused,
      long refusedAfterUpgrade,
      long rateLimited,
      long rateLimitCloses,
      long guardDenials,
      long invalidMessages,
      long oversizedMessages,
      long shortCircuits) {}

  final LongAdder handshakesRefused = new LongAdder();
  final LongAdder refusedAfterUpgrade = new LongAdder();
  final LongAdder rateLimited = new LongAdder();
  final LongAdder rateLimitCloses = new LongAdder();
  final LongAdder guardDenials = new LongAdder();
  final LongAdder invalidMessages = new LongAdder();
  final LongAdder oversizedMessages = new LongAdder();
  final LongAdder shortCircuits = new LongAdder();

  /** The current values. */
  public Snapshot snapshot() {
    return new Snapshot(
        handshakesRefused.sum(),
        refusedAfterUpgrade.sum(),
        rateLimited.sum(),
        rateLimitCloses.sum(),
        guardDenials.sum(),
        invalidMessages.sum(),
        oversizedMessages.sum(),
        shortCircuits.sum());
  }
}
