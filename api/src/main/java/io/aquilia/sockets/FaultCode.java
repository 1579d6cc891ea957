package io.aquilia.sockets;

/**
 * The stable fault codes of the Aquilia catalogue. The code string (the constant's name) is what
 * clients see in error answers; it never changes meaning.
 */
public enum FaultCode {
  /** The handshake failed, e.g. a path parameter that does not convert. */
  WS_HANDSHAKE_FAILED("WebSocket handshake failed", 1008, 400),
  /** Authentication is required and missing or invalid. */
  WS_AUTH_REQUIRED("Authentication required for WebSocket connection", 1008, 401),
  /** A guard or policy refused the connection or the message. */
  WS_FORBIDDEN("WebSocket connection forbidden", 1008, 403),
  /** The Origin header is not allowed by the socket. */
  WS_ORIGIN_NOT_ALLOWED("Origin not allowed", 1008, 403),
  /** The message is not a valid envelope, or its payload failed validation. */
  WS_MESSAGE_INVALID("Invalid message format", 1003, 400),
  /** The message exceeds the socket's maximum message size. */
  WS_PAYLOAD_TOO_LARGE("Payload too large", 1009, 413),
  /** No handler is registered for the event. */
  WS_UNSUPPORTED_EVENT("Unsupported event type", 1003, 400),
  /** The connection is closed. */
  WS_CONNECTION_CLOSED("Connection closed", 1000, 410),
  /** The connection timed out (heartbeat). */
  WS_CONNECTION_TIMEOUT("Connection timeout", 1001, 408),
  /** The connection sent more messages than the socket's rate limit allows. */
  WS_RATE_LIMIT_EXCEEDED("Rate limit exceeded", 1008, 429),
  /** A quota (e.g. maximum connections) is exhausted. */
  WS_QUOTA_EXCEEDED("Quota exceeded", 1008, 429),
  /** The room does not exist. */
  WS_ROOM_NOT_FOUND("Room not found", 1008, 404),
  /** The room is full. */
  WS_ROOM_FULL("Room full", 1008, 409),
  /** The connection is already in the room. */
  WS_ALREADY_SUBSCRIBED("Already subscribed to room", 1008, 409),
  /** The connection is not in the room. */
  WS_NOT_SUBSCRIBED("Not subscribed to room", 1008, 409),
  /** The cluster adapter cannot be reached. */
  WS_ADAPTER_UNAVAILABLE("Adapter unavailable", 1011, 503),
  /** A publish to the adapter failed. */
  WS_PUBLISH_FAILED("Failed to publish message", 1011, 503),
  /** An unexpected server error; the details are only in the server log. */
  WS_INTERNAL_ERROR("Internal server error", 1011, 500);

  private final String defaultMessage;
  private final int closeCode;
  private final int httpStatus;

  FaultCode(String defaultMessage, int closeCode, int httpStatus) {
    this.defaultMessage = defaultMessage;
    this.closeCode = closeCode;
    this.httpStatus = httpStatus;
  }

  /** The message used when a fault gives none. */
  public String defaultMessage() {
    return defaultMessage;
  }

  /** The WebSocket close code used when this fault ends a connection. */
  public int closeCode() {
    return closeCode;
  }

  /** The HTTP status used when this fault refuses a handshake before the upgrade. */
  public int httpStatus() {
    return httpStatus;
  }
}
