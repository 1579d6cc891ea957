package io.aquilia.sockets.tck.app;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import jakarta.inject.Inject;

/** Connect and disconnect behaviour, driven by query parameters. */
@Socket("/ws/lifecycle")
public class LifecycleSocket extends SocketController {

  @Inject DisconnectLog log;

  /** Denies when {@code ?guard=deny}. */
  @Guard
  public boolean allowed(Connection c) {
    return !"deny".equals(c.queryParam("guard").orElse(""));
  }

  /** Refuses or crashes on demand; greets otherwise. */
  @OnConnect
  public void connect(Connection c) {
    if (c.queryParam("reject").isPresent()) {
      throw SocketFault.forbidden("rejected by test");
    }
    if (c.queryParam("crash").isPresent()) {
      throw new IllegalStateException("crash in OnConnect");
    }
    c.send("welcome", java.util.Map.of("id", c.id()));
  }

  /** Records the call. */
  @OnDisconnect
  public void disconnect(Connection c, CloseStatus status) {
    log.record(c.id(), status);
  }
}
