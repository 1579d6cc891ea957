package io.aquilia.sockets.runtime;

/**
 * Receives the runtime's operational events: the seam for metrics. Every method has an empty
 * default; implementations must be cheap and must not throw (a failure is caught and logged once).
 * The runtime core calls it without knowing which metrics system, if any, is behind it.
 */
public interface SocketObserver {

  /** Observes nothing. */
  SocketObserver NONE = new SocketObserver() {};

  /** A connection opened (after {@code @OnConnect}). */
  default void opened(String socket) {}

  /** A connection ended with this close code after {@code millis}. */
  default void closed(String socket, int code, long millis) {}

  /** An inbound message for {@code event} (null when it could not be decoded). */
  default void received(String socket, String event) {}

  /** {@code count} outbound messages were queued (a broadcast counts each recipient). */
  default void sent(String socket, int count) {}

  /** A message was answered with an error {@code code}. */
  default void failed(String socket, String event, String code) {}

  /** A message was acknowledged {@code nanos} after it arrived. */
  default void acknowledged(String socket, String event, long nanos) {}
}
