package io.aquilia.sockets.sample;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Emits;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.OnConnect;
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
 * A chat with one room per path: {@code /ws/chat/lobby}, {@code /ws/chat/dev}, ... Every connection
 * joins the room of its path ({@code joinPathRoom}); the room tracks presence, so members get
 * {@code presence.join} / {@code presence.leave} with the display name as metadata. The client
 * chooses its display name with the {@code name} query parameter.
 *
 * <p>Events from the client: {@code message.send} (acknowledged, payload {@link ChatMessage}),
 * {@code room.who} and {@code presence.list}. Events to the client: {@code message.new}, {@code
 * room.joined}, {@code room.left} and {@code presence.*}.
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
    allowedOrigins = {
      "http://localhost:19080",
      "http://127.0.0.1:19080",
      "http://localhost:19090",
      "http://127.0.0.1:19090"
    },
    messageRateLimit = 5,
    rateLimitBurst = 10,
    maxConnectionsPerIp = 20,
    joinPathRoom = "room",
    presence = true)
@UseGuards(RoomNameGuard.class)
@UseMiddleware(LoggingMiddleware.class)
@Emits(value = "message.new", payload = ChatSocket.ChatLine.class, description = "A chat line.")
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
   * A member's presence metadata, in {@code presence.*} events and room states.
   *
   * @param name the display name
   */
  public record Profile(String name) {}

  /** Stores the display name; it becomes the presence metadata of the room joined next. */
  @OnConnect
  public void connect(Connection conn) {
    String name =
        conn.queryParam("name")
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .map(n -> n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n)
            .orElseGet(ChatSocket::guestName);
    conn.attributes().put(NAME, name);
    conn.setPresenceMeta(new Profile(name));
  }

  /** Sends the message to everyone in the room, the sender included. */
  @Event(value = "message.send", ack = true)
  public Receipt send(Connection conn, @PathParam("room") String room, @Valid ChatMessage msg) {
    ChatLine line = new ChatLine(room, nameOf(conn), msg.text(), Instant.now().getEpochSecond());
    int delivered = namespace().publish(room, "message.new", line);
    return new Receipt(UUID.randomUUID().toString(), delivered);
  }

  /** The display names of the room's members on this server, sorted. */
  @AckEvent("room.who")
  public List<String> who(@PathParam("room") String room) {
    return connections().stream()
        .filter(c -> c.rooms().contains(room))
        .map(ChatSocket::nameOf)
        .sorted()
        .toList();
  }

  private static String nameOf(Connection conn) {
    return String.valueOf(conn.attributes().getOrDefault(NAME, "guest"));
  }

  private static String guestName() {
    return String.format("guest-%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
