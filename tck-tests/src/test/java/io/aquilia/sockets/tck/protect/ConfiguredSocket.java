package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** Its limits are overridden by microprofile-config.properties in the test WAR. */
@Socket(value = "/ws/configured", messageRateLimit = 1000, maxMessageSize = 4096)
public class ConfiguredSocket extends SocketController {

  /** Replies pong. */
  @AckEvent("ping.app")
  public String ping() {
    return "pong";
  }
}
