package io.aquilia.sockets.tck.cluster;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Recoverable;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** A recoverable socket: the path room is joined automatically; {@code post} publishes to it. */
@Recoverable
@Socket(value = "/ws/news/:room", allowedOrigins = "*", joinPathRoom = "room")
public class NewsSocket extends SocketController {

  /** Publishes {@code news} to the room, the sender included. */
  @Event(value = "post", ack = true)
  public int post(@PathParam("room") String room, ClusterSocket.Line line) {
    return namespace().publish(room, "news", line);
  }
}
