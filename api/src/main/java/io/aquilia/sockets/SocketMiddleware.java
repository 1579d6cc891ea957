package io.aquilia.sockets;

/**
 * A CDI bean that sees every connection and message of the sockets it applies to, around the
 * handlers: for auditing, metrics, enrichment, or answering a message itself.
 *
 * <p><b>Scope.</b> A middleware class annotated {@link GlobalMiddleware} applies to every socket of
 * the application; one named in {@link UseMiddleware} on a controller class applies to that socket;
 * on a handler method, to that event only. <b>Order:</b> ascending {@code
 * jakarta.annotation.Priority} of the class (100 when absent), then global before socket before
 * event. {@link #onConnect} and {@link #onMessage} run in that order, {@link #onDisconnect} in the
 * reverse order.
 *
 * <p><b>Message pipeline.</b> rate limit → middleware ({@link #onMessage}) → {@code EVENT} guards
 * and {@code @RolesAllowed} → payload binding and Bean Validation → the handler. A middleware that
 * returns without calling {@link Next#proceed()} short-circuits the message: its return value is
 * the reply (the {@code data} of a success ack when the message has an {@code id}). Throwing a
 * {@link SocketFault} answers with that fault. Unknown events and malformed messages are answered
 * before middleware runs.
 *
 * <p>Implementations must be thread-safe; {@link #onMessage} for one connection is never called
 * concurrently.
 */
public interface SocketMiddleware {

  /** The rest of the pipeline after this middleware. */
  @FunctionalInterface
  interface Next {
    /** Runs the rest of the pipeline and returns the handler's result (the ack data). */
    Object proceed() throws Exception;
  }

  /**
   * A connection passed the handshake and the connect guards; called before the {@code connected}
   * message and {@code @OnConnect}. Throwing a {@link SocketFault} closes the connection with its
   * close code.
   */
  default void onConnect(Connection connection) {}

  /**
   * An inbound event message for a known handler.
   *
   * @return the reply data: normally whatever {@code next.proceed()} returned
   */
  default Object onMessage(Connection connection, Envelope message, Next next) throws Exception {
    return next.proceed();
  }

  /** A connection whose {@link #onConnect} ran has closed. Exceptions are logged and ignored. */
  default void onDisconnect(Connection connection, CloseStatus status) {}
}
