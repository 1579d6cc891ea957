package io.aquilia.sockets;

import java.util.List;

/**
 * A failure with a stable code that the client is allowed to see. Throw it from a handler to answer
 * the message with an error (the connection stays open), or from {@link OnConnect} or a guard to
 * refuse the connection with {@link #closeCode()}.
 *
 * <p>Any other exception thrown by a handler is answered with {@code WS_INTERNAL_ERROR} and a
 * generic message; its text and stack trace go only to the server log.
 */
public class SocketFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int closeCode;
  private final transient List<Violation> violations;

  /** A fault from the catalogue with its default message. */
  public SocketFault(FaultCode code) {
    this(code, code.defaultMessage());
  }

  /** A fault from the catalogue with a specific message (sent to the client). */
  public SocketFault(FaultCode code, String message) {
    this(code.name(), message, code.closeCode(), List.of());
  }

  /**
   * A fault with an application-defined code.
   *
   * @param code a stable code, e.g. {@code CHAT_ROOM_LOCKED}
   * @param message the message sent to the client
   * @param closeCode the close code used if this fault ends a connection
   * @param violations constraint violations, possibly empty
   */
  public SocketFault(String code, String message, int closeCode, List<Violation> violations) {
    super(message, null, false, false);
    this.code = code;
    this.closeCode = closeCode;
    this.violations = List.copyOf(violations);
  }

  /** The stable code, e.g. {@code WS_FORBIDDEN}. */
  public String code() {
    return code;
  }

  /** The close code used if this fault ends a connection. */
  public int closeCode() {
    return closeCode;
  }

  /** Constraint violations ({@code WS_MESSAGE_INVALID}); empty otherwise. */
  public List<Violation> violations() {
    return violations;
  }

  /** {@code WS_FORBIDDEN} with a reason. */
  public static SocketFault forbidden(String reason) {
    return new SocketFault(
        FaultCode.WS_FORBIDDEN, FaultCode.WS_FORBIDDEN.defaultMessage() + ": " + reason);
  }

  /** {@code WS_MESSAGE_INVALID} with a reason. */
  public static SocketFault invalid(String reason) {
    return new SocketFault(
        FaultCode.WS_MESSAGE_INVALID,
        FaultCode.WS_MESSAGE_INVALID.defaultMessage() + ": " + reason);
  }

  /** {@code WS_MESSAGE_INVALID} carrying the violations of a payload. */
  public static SocketFault invalid(List<Violation> violations) {
    FaultCode c = FaultCode.WS_MESSAGE_INVALID;
    return new SocketFault(
        c.name(), c.defaultMessage() + ": payload failed validation", c.closeCode(), violations);
  }
}
