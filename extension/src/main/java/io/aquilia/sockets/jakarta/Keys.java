package io.aquilia.sockets.jakarta;

/** Names of the user properties the glue passes from the configurator to endpoints and decoders. */
final class Keys {

  /** The {@code LiveSocket} of an endpoint config. */
  static final String SOCKET = "io.aquilia.sockets.socket";

  /** The per-connection {@code HandshakeData}. */
  static final String HANDSHAKE = "io.aquilia.sockets.handshake";

  private Keys() {}
}
