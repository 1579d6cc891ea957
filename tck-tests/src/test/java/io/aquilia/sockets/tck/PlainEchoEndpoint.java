package io.aquilia.sockets.tck;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A plain Jakarta WebSocket endpoint: the baseline that the server and the client work. */
@ServerEndpoint("/plain-echo")
public class PlainEchoEndpoint {
  @OnMessage
  public String echo(String text) {
    return "plain:" + text;
  }
}
