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
      LOG.info("AQS-120 connect id=" + c.id() + " socket=" + socket + " principal=" + principal(c));
    }
  }

  static void closed(RuntimeConnection c, String socket, CloseStatus status, long millis) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.info(
          "AQS-121 disconnect id="
              + c.id()
              + " socket="
              + socket
              + " principal="
              + principal(c)
              + " code="
              + status.code()
              + " duration="
              + millis
              + "ms in="
              + c.receivedCount()
              + " out="
              + c.sentCount());
    }
  }

  private static String principal(RuntimeConnection c) {
    return c.principal().map(Principal::getName).orElse("-");
  }
}
