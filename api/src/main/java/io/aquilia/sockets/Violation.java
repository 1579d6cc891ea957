package io.aquilia.sockets;

/**
 * One failed payload constraint, as sent to the client in a {@code WS_MESSAGE_INVALID} answer.
 *
 * @param path the property path inside the payload, e.g. {@code text} or {@code items[0].qty}
 * @param message the constraint's message
 */
public record Violation(String path, String message) {}
