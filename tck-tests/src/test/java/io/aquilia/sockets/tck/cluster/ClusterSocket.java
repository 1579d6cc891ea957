package io.aquilia.sockets.tck.cluster;

import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import java.util.Map;

/**
 * The cluster TCK's socket: the path room is joined automatically, presence is on, the presence key
 * is the {@code user} query parameter and the metadata {@code {"name": user}}.
 */
@Socket(value = "/ws/cluster/:room", allowedOrigins = "*", presence = true, joinPathRoom = "room")
public class ClusterSocket extends SocketController {

  /** A chat line. */
  public record Line(String text) {}

  /** Sets the presence key and metadata. */
  @OnConnect
  public void connect(Connection conn) {
    conn.queryParam("user")
        .ifPresent(
            u -> {
              conn.setPresenceKey(u);
              conn.setPresenceMeta(Map.of("name", u));
            });
  }

  /** Publishes {@code said} to the room, the sender included; returns the local recipients. */
  @Event(value = "say", ack = true)
  public int say(@PathParam("room") String room, Line line) {
    return namespace().publish(room, "said", line);
  }

  /** Publishes {@code said} to the room, the sender excluded. */
  @Event(value = "say.others", ack = true)
  public int sayToOthers(Connection conn, @PathParam("room") String room, Line line) {
    return namespace().publish(room, "said", line, conn.id());
  }
}
