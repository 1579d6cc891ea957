package io.aquilia.sockets.sample;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.UseGuards;
import io.aquilia.sockets.UseMiddleware;
import io.aquilia.sockets.middleware.LoggingMiddleware;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A chat with one room per path: {@code /ws/chat/lobby}, {@code /ws/chat/dev}, ... The client
 * chooses its display name with the {@code name} query parameter.
 *
 * <p>Events from the client: {@code message.send} (acknowledged, payload {@link ChatMessage}) and
 * {@code room.who}. Events to the client: {@code message.new}, {@code user.joined} and {@code
 * user.left}.
 *
 * <p>Protection: only pages served by the sample's own server may connect (other origins get HTTP
 * 403; change {@code allowedOrigins} or set {@code
 * aquilia.sockets."/ws/chat/:room".allowed-origins} through MicroProfile Config), each connection
 * may send 5 messages per second with bursts of 10, one address may hold 20 connections, {@link
 * RoomNameGuard} refuses odd room names, and the built-in {@link LoggingMiddleware} logs connects,
 * messages (without text) and disconnects.
 */
@Socket(
    value = "/ws/chat/:room",
    allowedOrigins = {"http://localhost:19080", "http://127.0.0.1:19080"},
    messageRateLimit = 5,
    rateLimitBurst = 10,
    maxConnectionsPerIp = 20)
@UseGuards(RoomNameGuard.class)
@UseMiddleware(LoggingMiddleware.class)
public class ChatSocket extends SocketController {

  /** The connection attribute holding the display name. */
  static final String NAME = "name";

  private static final int MAX_NAME_LENGTH = 32;

  /**
   * A chat line as sent to the room.
   *
   * @param room the room
   * @param from the sender's display name
   * @param text the text
   * @param ts when the server received it, in Unix seconds
   */
  public record ChatLine(String room, String from, String text, long ts) {}

  /**
   * The acknowledgement of {@code message.send}.
   *
   * @param id the id the server gave the message
   * @param deliveredTo how many connections of the room it was queued for, the sender included
   */
  public record Receipt(String id, int deliveredTo) {}

  /**
   * A member joining or leaving a room.
   *
   * @param room the room
   * @param name the member's display name
   */
  public record Presence(String room, String name) {}

  /** Stores the display name and tells the others in the room. */
  @OnConnect
  public void connect(Connection conn, @PathParam("room") String room) {
    String name =
        conn.queryParam("name")
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .map(n -> n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n)
            .orElseGet(ChatSocket::guestName);
    conn.attributes().put(NAME, name);
    inRoom(room).forEach(c -> c.send("user.joined", new Presence(room, name)));
  }

  /** Sends the message to everyone in the room, the sender included. */
  @Event(value = "message.send", ack = true)
  public Receipt send(Connection conn, @PathParam("room") String room, @Valid ChatMessage msg) {
    ChatLine line = new ChatLine(room, nameOf(conn), msg.text(), Instant.now().getEpochSecond());
    int delivered = 0;
    for (Connection c : inRoom(room)) {
      if (c.send("message.new", line)) {
        delivered++;
      }
    }
    return new Receipt(UUID.randomUUID().toString(), delivered);
  }

  /** The display names of the room's members, sorted. */
  @AckEvent("room.who")
  public List<String> who(@PathParam("room") String room) {
    return inRoom(room).stream().map(ChatSocket::nameOf).sorted().toList();
  }

  /** Tells the others in the room that this member left. */
  @OnDisconnect
  public void disconnect(Connection conn, @PathParam("room") String room) {
    Presence left = new Presence(room, nameOf(conn));
    inRoom(room).forEach(c -> c.send("user.left", left));
  }

  /**
   * The open connections of a room. Rooms are not part of the runtime yet, so a room is simply the
   * connections whose {@code :room} path parameter matches.
   */
  private List<Connection> inRoom(String room) {
    return connections().stream().filter(c -> room.equals(c.pathParams().get("room"))).toList();
  }

  private static String nameOf(Connection conn) {
    return String.valueOf(conn.attributes().getOrDefault(NAME, "guest"));
  }

  private static String guestName() {
    return String.format("guest-%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
