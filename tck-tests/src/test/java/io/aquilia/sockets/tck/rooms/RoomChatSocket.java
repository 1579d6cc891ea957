package io.aquilia.sockets.tck.rooms;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.SocketStats;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The rooms TCK socket: every connection joins its path room; clients join and leave other rooms,
 * chat with or without echo, set their presence status and ask for streams.
 */
@Socket(value = "/ws/rooms/:room", presence = true, joinPathRoom = "room")
public class RoomChatSocket extends SocketController {

  /** A chat line to a room; {@code echo = false} leaves the sender out. */
  public record Say(String room, String text, boolean echo) {}

  /** A join request: the room, and a password for the locked room. */
  public record JoinRequest(String room, String password) {}

  /** Presence key from {@code ?user=}, metadata from {@code ?name=}. */
  @OnConnect
  public void connect(Connection c) {
    c.queryParam("user").ifPresent(c::setPresenceKey);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", c.queryParam("name").orElse("anonymous"));
    meta.put("status", "online");
    c.setPresenceMeta(meta);
  }

  /** Only members with the password enter {@code locked}. */
  @Subscribe
  public void join(JoinRequest r) {
    if ("locked".equals(r.room()) && !"open-sesame".equals(r.password())) {
      throw new SocketFault("ROOM_LOCKED", "room locked: ask for the password", 4003, List.of());
    }
  }

  /** Leaving needs no check. */
  @Unsubscribe
  public void leave() {}

  /** Nobody joins {@code staff} (by request or by path). */
  @Guard(stages = Guard.Stage.JOIN)
  public boolean noStaff(Envelope e, Connection c) {
    String room =
        e == null ? c.pathParams().get("room") : ((JsonObject) e.payload()).getString("room", "");
    return !"staff".equals(room);
  }

  /** Publishes to a room; returns how many local connections it reached. */
  @AckEvent("say")
  public int say(Connection c, Say s) {
    Map<String, Object> line = Map.of("room", s.room(), "text", s.text(), "from", c.id());
    return s.echo() ? publish(s.room(), "said", line) : publish(s.room(), "said", line, c.id());
  }

  /** Changes the presence status. */
  @AckEvent("status")
  public String status(Connection c, String status) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", c.queryParam("name").orElse("anonymous"));
    meta.put("status", status);
    c.setPresenceMeta(meta);
    return status;
  }

  /** Counts to n as a streaming reply. */
  @AckEvent("count")
  public Stream<Integer> count(int n) {
    return IntStream.range(0, n).boxed();
  }

  /** Counts forever (until the client cancels). */
  @AckEvent("count.forever")
  public Stream<Integer> forever() {
    return Stream.iterate(0, i -> i + 1);
  }

  /** The socket's counters. */
  @AckEvent("stats")
  public SocketStats stats() {
    return namespace().stats();
  }

  /**
   * For the shutdown test: {@code ?mark=<dir>} makes the disconnect write {@code <dir>/<id>} with
   * the close code and reason.
   */
  @OnDisconnect
  public void disconnect(Connection c, CloseStatus status) {
    c.queryParam("mark")
        .ifPresent(
            dir -> {
              try {
                Files.writeString(
                    Path.of(dir, c.id()), status.code() + " " + status.reason() + " " + c.rooms());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
