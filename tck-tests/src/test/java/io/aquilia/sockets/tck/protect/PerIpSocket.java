package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** At most 2 connections per client address. */
@Socket(value = "/ws/per-ip", maxConnectionsPerIp = 2)
public class PerIpSocket extends SocketController {

  /** Replies pong. */
  @AckEvent("ping.app")
  public String ping() {
    return "pong";
  }
}
