package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** At most 100 connections. */
@Socket(value = "/ws/capped", maxConnections = 100, heartbeatInterval = 0)
public class CappedSocket extends SocketController {

  /** Replies pong. */
  @AckEvent("ping.app")
  public String ping() {
    return "pong";
  }
}
