package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.SocketFault;

/**
 * One decoded inbound frame: a well-formed envelope, or a defined failure. Decoding never throws.
 */
public sealed interface Frame {

  /**
   * A well-formed envelope.
   *
   * @param envelope the envelope; {@code id} and {@code payload} are {@code jakarta.json.JsonValue}
   *     or null
   */
  record Message(Envelope envelope) implements Frame {}

  /**
   * A frame that cannot be handled.
   *
   * @param id the message id when it could be read, else null (so the answer is an error ack when
   *     possible)
   * @param event the event name when it could be read, else null
   * @param fault the answer's fault
   */
  record Malformed(Object id, String event, SocketFault fault) implements Frame {}
}
