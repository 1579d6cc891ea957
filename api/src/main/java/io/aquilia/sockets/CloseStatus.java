package io.aquilia.sockets;

/**
 * A WebSocket close code with its reason, as passed to {@link OnDisconnect} handlers.
 *
 * @param code the close code (RFC 6455 §7.4, or 4000-4999 for Aquilia's own)
 * @param reason the reason text, possibly empty
 */
public record CloseStatus(int code, String reason) {

  /** 1000: normal closure. */
  public static final CloseStatus NORMAL = new CloseStatus(1000, "");

  /** 1001: the server is going away (undeploy, shutdown) or the heartbeat timed out. */
  public static final CloseStatus GOING_AWAY = new CloseStatus(1001, "going away");

  /**
   * 1008: policy violation (origin, authentication, guard, rate-limit abuse, bad path parameter).
   */
  public static final CloseStatus POLICY_VIOLATION = new CloseStatus(1008, "policy violation");

  /** 1009: a message exceeded what the container would buffer. */
  public static final CloseStatus TOO_BIG = new CloseStatus(1009, "message too big");

  /** 1011: an unexpected server error, e.g. an exception thrown by {@link OnConnect}. */
  public static final CloseStatus INTERNAL_ERROR = new CloseStatus(1011, "internal error");

  /** 4008: the connection could not keep up with its outbound queue. */
  public static final CloseStatus SLOW_CONSUMER = new CloseStatus(4008, "slow consumer");

  /** Normalises a null reason to the empty string. */
  public CloseStatus {
    reason = reason == null ? "" : reason;
  }
}
