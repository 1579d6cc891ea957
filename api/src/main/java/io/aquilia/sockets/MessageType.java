package io.aquilia.sockets;

import java.util.Optional;

/** The {@code type} field of an {@link Envelope}. */
public enum MessageType {
  /** An application event, in either direction. */
  EVENT("event"),
  /** An acknowledgement: the one reply to a message that carried an {@code id}. */
  ACK("ack"),
  /** A message from the runtime itself, such as {@code connected}. */
  SYSTEM("system"),
  /** Application-level heartbeat: {@code ping} and {@code pong}. */
  CONTROL("control");

  private final String wire;

  MessageType(String wire) {
    this.wire = wire;
  }

  /** The name used on the wire. */
  public String wireName() {
    return wire;
  }

  /** The type with this wire name, if any. */
  public static Optional<MessageType> fromWire(String name) {
    for (MessageType type : values()) {
      if (type.wire.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
