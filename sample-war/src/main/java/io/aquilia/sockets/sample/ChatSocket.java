package io.aquilia.sockets.sample;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.PresenceMember;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.UseGuards;
import io.aquilia.sockets.UseMiddleware;
import io.aquilia.sockets.middleware.LoggingMiddleware;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A chat with one room per path: {@code /ws/chat/lobby}, {@code /ws/chat/dev}, ... The client
 * chooses its display name with the {@code name} query parameter. Each connection joins the room of
 * its path; messages go to the room through the adapter, so with the Redis adapter they reach the
 * members on every server instance ({@code ./run-sample --redis}, ports 19080 and 19090).
 *
 * <p>Events from the client: {@code message.send} (acknowledged, payload {@link ChatMessage}) and
 * {@code room.who}. Events to the client: {@code message.new}, and the presence events {@code
 * presence.join}, {@code presence.update} and {@code presence.leave} (the member's {@code meta} is
 * {@code {"name": ...}}; one name is one member, whatever its tabs and instances).
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
    presence = true,
    joinPathRoom = "room",
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
   * @param deliveredTo how many connections of the room on this server it was queued for, the
   *     sender included (members on other instances are not counted)
   */
  public record Receipt(String id, int deliveredTo) {}

  /** Stores the display name; one name is one presence member, whatever its tabs. */
  @OnConnect
  public void connect(Connection conn) {
    String name =
        conn.queryParam("name")
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .map(n -> n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n)
            .orElseGet(ChatSocket::guestName);
    conn.attributes().put(NAME, name);
    conn.setPresenceKey(name);
    conn.setPresenceMeta(Map.of(NAME, name));
  }

  /** Sends the message to everyone in the room, the sender included, on every instance. */
  @Event(value = "message.send", ack = true)
  public Receipt send(Connection conn, @PathParam("room") String room, @Valid ChatMessage msg) {
    ChatLine line = new ChatLine(room, nameOf(conn), msg.text(), Instant.now().getEpochSecond());
    int delivered = namespace().publish(room, "message.new", line);
    return new Receipt(UUID.randomUUID().toString(), delivered);
  }

  /** The display names of the room's members on every instance, sorted. */
  @AckEvent("room.who")
  public CompletionStage<List<String>> who(@PathParam("room") String room) {
    return namespace()
        .presenceAsync(room)
        .thenApply(members -> members.stream().map(ChatSocket::nameOf).sorted().toList());
  }

  private static String nameOf(PresenceMember m) {
    return m.meta() instanceof JsonObject o ? o.getString(NAME, m.key()) : m.key();
  }

  private static String nameOf(Connection conn) {
    return String.valueOf(conn.attributes().getOrDefault(NAME, "guest"));
  }

  private static String guestName() {
    return String.format("guest-%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
