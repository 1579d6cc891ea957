package io.aquilia.sockets.runtime;

import java.util.Set;

/**
 * The message rate limit of a socket.
 *
 * @param perSecond tokens added per second; 0 disables the limit
 * @param burst the bucket's size (at least 1 when the limit is on)
 * @param closeAfter rate-limited messages after which the connection is closed (1008); 0 never
 * @param perUser whether the bucket is shared by the connections of one user
 * @param exemptEvents events that do not count
 */
public record RatePolicy(
    int perSecond, int burst, int closeAfter, boolean perUser, Set<String> exemptEvents) {

  /** Copies the events. */
  public RatePolicy {
    exemptEvents = Set.copyOf(exemptEvents);
  }

  /** Whether the limit is on. */
  public boolean enabled() {
    return perSecond > 0;
  }
}
