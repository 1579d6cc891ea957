package io.aquilia.sockets.runtime;

import io.aquilia.sockets.SocketFault;

/** The door's answer to one upgrade request: admitted, or refused with an HTTP status. */
public sealed interface DoorDecision {

  /**
   * The upgrade may proceed.
   *
   * @param admission who is connecting, with the reserved slot
   */
  record Admitted(Admission admission) implements DoorDecision {}

  /**
   * The upgrade is refused.
   *
   * @param status the HTTP status (401, 403, 429, 500)
   * @param fault the code and client-visible message
   */
  record Refused(int status, SocketFault fault) implements DoorDecision {}
}
