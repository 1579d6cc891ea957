package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One concise INFO line per connect and per disconnect, on the logger {@code
 * io.aquilia.sockets.connections} (turn it off there). Never payloads or tokens.
 */
final class ConnectionLog {

  private static final Logger LOG = Logger.getLogger("io.aquilia.sockets.connections");

  private ConnectionLog() {}

  static void opened(RuntimeConnection c, String socket) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.info(Messages.connected(c.id(), socket, principal(c)));
    }
  }

  static void closed(RuntimeConnection c, String socket, CloseStatus status, long millis) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.info(
          Messages.disconnected(
              c.id(),
              socket,
              principal(c),
              status.code(),
              millis,
              c.receivedCount(),
              c.sentCount()));
    }
  }

  private static String principal(RuntimeConnection c) {
    return c.principal().map(Principal::getName).orElse("-");
  }
}
