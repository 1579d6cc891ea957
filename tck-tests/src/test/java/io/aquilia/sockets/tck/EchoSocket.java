package io.aquilia.sockets.tck;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import java.util.Map;

/** The smallest socket controller: echoes the payload of "echo" back in the ack. */
@Socket("/ws/echo")
public class EchoSocket extends SocketController {
  @Event("echo")
  public Map<String, Object> echo(Map<String, Object> payload) {
    return payload;
  }
}
