package io.aquilia.sockets.tck.app;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import jakarta.inject.Inject;
import java.util.List;

/** Lets tests read server-side state. */
@Socket("/ws/probe")
public class ProbeSocket extends SocketController {

  @Inject DisconnectLog log;

  /** A query by connection id. */
  public record Query(String connectionId) {}

  /** The @OnDisconnect calls recorded for a connection. */
  @AckEvent("disconnects")
  public List<CloseStatus> disconnects(Query q) {
    return log.of(q.connectionId());
  }
}
