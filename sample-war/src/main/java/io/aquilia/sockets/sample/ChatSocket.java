package io.aquilia.sockets.sample;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Emits;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.RoomRef;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import io.aquilia.sockets.UseGuards;
import io.aquilia.sockets.UseMiddleware;
import io.aquilia.sockets.middleware.LoggingMiddleware;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sample chat. A connection to {@code /ws/chat/lobby} joins the room {@code lobby} at once
 * ({@code joinPathRoom}); the client can join and leave more rooms over the same connection, and
 * every room shows who is online (presence).
 *
 * <p>The sample has no login: the {@code name} query parameter is the user. Two tabs with the same
 * name are one member with two connections. A real application would take the presence key from the
 * authenticated principal (the default) instead.
 *
 * <p>Protection: only pages served by the sample's own server may connect (other origins get HTTP
 * 403; change {@code allowedOrigins} or set {@code
 * aquilia.sockets."/ws/chat/:room".allowed-origins} through MicroProfile Config), each connection
 * may send 5 messages per second with bursts of 10, one address may hold 20 connections, {@link
 * RoomNameGuard} refuses odd room names (for the path room and for {@code room.join}), and the
 * built-in {@link LoggingMiddleware} logs connects, messages (without text) and disconnects.
 *
 * <p>Client events: {@code message.send} ({@link ChatMessage}), {@code room.join} / {@code
 * room.leave} ({@code {"room": ...}}), {@code rooms.list}, {@code presence.status} ({@link
 * StatusChange}) and {@code presence.list}. Server events: {@code message.new} ({@link ChatLine}),
 * {@code room.joined}, {@code presence.join} / {@code presence.update} / {@code presence.leave}.
 */
@Socket(
    value = "/ws/chat/:room",
    allowedOrigins = {"http://localhost:19080", "http://127.0.0.1:19080"},
    messageRateLimit = 5,
    rateLimitBurst = 10,
    maxConnectionsPerIp = 20,
    presence = true,
    joinPathRoom = "room")
@UseGuards(RoomNameGuard.class)
@UseMiddleware(LoggingMiddleware.class)
@Emits(value = "message.new", payload = ChatSocket.ChatLine.class, description = "A chat line.")
public class ChatSocket extends SocketController {

  private static final int MAX_NAME_LENGTH = 32;
  private static final Set<String> STATUSES = Set.of("online", "away", "busy");

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
   * One entry of the room list.
   *
   * @param room the room name
   * @param members how many connections are in it
   */
  public record RoomSummary(String room, int members) {}

  /**
   * The payload of {@code presence.status}.
   *
   * @param status {@code online}, {@code away} or {@code busy}
   */
  public record StatusChange(String status) {}

  /**
   * The presence metadata of a member, as the other members see it.
   *
   * @param name the display name
   * @param status {@code online}, {@code away} or {@code busy}
   */
  public record Meta(String name, String status) {}

  /** Takes the display name from {@code ?name=} and makes it the presence key. */
  @OnConnect
  public void connect(Connection conn) {
    String name =
        conn.queryParam("name")
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .map(n -> n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n)
            .orElseGet(ChatSocket::guestName);
    conn.setPresenceKey(name.toLowerCase(Locale.ROOT));
    conn.setPresenceMeta(new Meta(name, "online"));
  }

  /**
   * Lets clients join rooms; {@link RoomNameGuard} has checked the name (a JOIN guard), and the
   * runtime joins once this returns.
   */
  @Subscribe
  public void join(RoomRef ref) {}

  /** Leaving needs no check; the runtime leaves. */
  @Unsubscribe
  public void leave() {}

  /** Sends the message to everyone in the room, the sender included. */
  @Event(value = "message.send", ack = true)
  public Receipt send(Connection conn, @Valid ChatMessage msg) {
    if (!conn.rooms().contains(msg.room())) {
      throw new SocketFault(
          FaultCode.WS_NOT_SUBSCRIBED, "Not subscribed to room: join #" + msg.room() + " first");
    }
    ChatLine line =
        new ChatLine(msg.room(), nameOf(conn), msg.text(), Instant.now().getEpochSecond());
    int delivered = publish(msg.room(), "message.new", line);
    return new Receipt(UUID.randomUUID().toString(), delivered);
  }

  /** The rooms that have members, with their sizes, largest first. */
  @AckEvent("rooms.list")
  public List<RoomSummary> roomList() {
    return rooms().stream()
        .map(r -> new RoomSummary(r, members(r).size()))
        .sorted(
            Comparator.comparingInt(RoomSummary::members)
                .reversed()
                .thenComparing(RoomSummary::room))
        .toList();
  }

  /** Changes this member's status in every room it is in. */
  @AckEvent("presence.status")
  public String status(Connection conn, StatusChange change) {
    if (!STATUSES.contains(change.status())) {
      throw SocketFault.invalid("status is one of " + STATUSES);
    }
    conn.setPresenceMeta(new Meta(nameOf(conn), change.status()));
    return change.status();
  }

  private static String nameOf(Connection conn) {
    Object meta = conn.presenceMeta();
    if (meta instanceof jakarta.json.JsonObject o) {
      return o.getString("name", "guest");
    }
    return "guest";
  }

  private static String guestName() {
    return String.format("guest-%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
