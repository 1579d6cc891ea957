package io.aquilia.sockets;

import java.util.Optional;

/**
 * What a {@link SocketGuard} decides on.
 *
 * @param connection the connection (its principal, roles, handshake headers and attributes)
 * @param stage the stage being guarded
 * @param envelope the inbound message at {@link Guard.Stage#EVENT} and {@link Guard.Stage#JOIN},
 *     else null
 * @param room the room being joined at {@link Guard.Stage#JOIN}, else null
 */
public record GuardContext(
    Connection connection, Guard.Stage stage, Envelope envelope, String room) {

  /** The inbound message, if the stage has one. */
  public Optional<Envelope> message() {
    return Optional.ofNullable(envelope);
  }

  /** The room being joined, at {@link Guard.Stage#JOIN}. */
  public Optional<String> joiningRoom() {
    return Optional.ofNullable(room);
  }
}
