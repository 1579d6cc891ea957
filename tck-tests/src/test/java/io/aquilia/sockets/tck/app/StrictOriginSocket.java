package io.aquilia.sockets.tck.app;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** Accepts only https subdomains of example.com. */
@Socket(value = "/ws/strict", allowedOrigins = "https://*.example.com", maxMessageSize = 1024)
public class StrictOriginSocket extends SocketController {

  /** Replies pong. */
  @AckEvent("ping.app")
  public String ping() {
    return "pong";
  }
}
