package io.aquilia.sockets.middleware;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.SocketMiddleware;
import io.aquilia.sockets.runtime.Messages;
import java.security.Principal;
import java.util.logging.Logger;

/**
 * Built-in middleware that logs every connect ({@code AQS-145}), message ({@code AQS-146}, event
 * and id) and disconnect ({@code AQS-147}) at INFO under the logger {@code
 * io.aquilia.sockets.middleware.LoggingMiddleware}. Payloads are not logged: they may hold personal
 * data. To log them, apply a subclass that calls {@link #LoggingMiddleware(boolean) super(true)}.
 * Tokens never reach it: the runtime removes them from the headers and query parameters a
 * connection exposes.
 *
 * <pre>{@code
 * @Socket("/ws/chat/:room")
 * @UseMiddleware(LoggingMiddleware.class)
 * public class ChatSocket extends SocketController { ... }
 * }</pre>
 */
public class LoggingMiddleware implements SocketMiddleware {

  private static final Logger LOG = Logger.getLogger(LoggingMiddleware.class.getName());

  private final boolean payloads;

  /** Logs without payloads. */
  public LoggingMiddleware() {
    this(false);
  }

  /**
   * @param payloads whether message lines include the payload
   */
  protected LoggingMiddleware(boolean payloads) {
    this.payloads = payloads;
  }

  @Override
  public void onConnect(Connection c) {
    LOG.info(
        Messages.logConnect(
            c.namespace(),
            c.id(),
            c.principal().map(Principal::getName).orElse("-"),
            c.remoteAddress().orElse("-")));
  }

  @Override
  public Object onMessage(Connection c, Envelope e, Next next) throws Exception {
    LOG.info(
        Messages.logMessage(
            c.namespace(),
            c.id(),
            e.event(),
            e.id(),
            payloads ? String.valueOf(e.payload()) : null));
    return next.proceed();
  }

  @Override
  public void onDisconnect(Connection c, CloseStatus status) {
    LOG.info(Messages.logDisconnect(c.namespace(), c.id(), status.code(), status.reason()));
  }
}
