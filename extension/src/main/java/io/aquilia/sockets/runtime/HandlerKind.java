package io.aquilia.sockets.runtime;

/** The kinds of controller methods the runtime calls. */
public enum HandlerKind {
  /** {@code @OnConnect}. */
  ON_CONNECT,
  /** {@code @OnDisconnect}. */
  ON_DISCONNECT,
  /** {@code @Event} or {@code @AckEvent}. */
  EVENT,
  /** {@code @Subscribe}. */
  SUBSCRIBE,
  /** {@code @Unsubscribe}. */
  UNSUBSCRIBE,
  /** {@code @Guard}. */
  GUARD;

  /** Whether the kind handles an inbound event and may bind a payload. */
  boolean takesPayload() {
    return this == EVENT || this == SUBSCRIBE || this == UNSUBSCRIBE;
  }
}
