package io.aquilia.sockets;

import jakarta.json.JsonValue;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One open WebSocket connection, as handlers and application code see it. Instances are
 * thread-safe.
 *
 * <p>Sending never blocks the caller: messages go to a bounded per-connection queue and are written
 * one at a time; a full queue applies the socket's {@link OverflowPolicy}.
 *
 * <p>Rooms belong to the socket's namespace. {@link #join(String)} and {@link #leave(String)} are
 * the server-side way in and out: no guard runs (the caller is trusted code), and the client is
 * told with a {@code room.joined} or {@code room.left} event. Clients ask with {@code room.join}
 * and {@code room.leave}, handled by {@link Subscribe} and {@link Unsubscribe} methods.
 */
public interface Connection {

  /**
   * A unique id (a random UUID), announced to the client in the {@code connected} system message.
   */
  String id();

  /** The namespace of the socket this connection belongs to. */
  String namespace();

  /** The concrete request path, relative to the context root, e.g. {@code /ws/chat/lobby}. */
  String path();

  /** Path parameters by name, as raw strings. */
  Map<String, String> pathParams();

  /** Query parameters of the upgrade request; each name maps to all its values in order. */
  Map<String, List<String>> queryParams();

  /** The first value of a query parameter, if present. */
  default Optional<String> queryParam(String name) {
    List<String> values = queryParams().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a request header of the upgrade request (name case-insensitive). */
  Optional<String> header(String name);

  /**
   * The authenticated user: the identity a {@link io.aquilia.sockets.spi.TokenAuthenticator}
   * derived from the handshake's token, else the container's principal of the upgrade request.
   */
  Optional<Principal> principal();

  /**
   * Whether the authenticated user has this role: a role of the token's identity, or a role the
   * container granted on the upgrade request. The container's roles are known for the roles named
   * in {@code @RolesAllowed} of the application's controllers only.
   */
  default boolean isUserInRole(String role) {
    return false;
  }

  /** The client's IP address as the server saw it at the handshake, when the container told it. */
  default Optional<String> remoteAddress() {
    return Optional.empty();
  }

  /** Mutable, thread-safe attributes for application state tied to this connection. */
  Map<String, Object> attributes();

  /** When the connection opened. */
  Instant connectedAt();

  /** Whether the connection is open and accepts messages. */
  boolean isOpen();

  /**
   * Queues an {@code event} envelope for this connection.
   *
   * @param event the event name
   * @param payload any JSON-B-mappable value, or {@code null}
   * @return {@code false} if the connection is closed or the message was dropped by the overflow
   *     policy
   */
  boolean send(String event, Object payload);

  /** Queues a ready-made envelope. Returns as {@link #send(String, Object)}. */
  boolean send(Envelope envelope);

  /** Closes the connection normally ({@code 1000}). */
  default void close() {
    close(CloseStatus.NORMAL.code(), "");
  }

  /**
   * Sends a close frame with this code and reason and ends the connection; {@link OnDisconnect}
   * runs once. The reason is cut to 123 bytes of UTF-8 on a character boundary.
   */
  void close(int code, String reason);

  /**
   * Joins a room: messages published to it reach this connection from now on. The client receives a
   * {@code room.joined} event with the room's state; with presence on, the room's members get the
   * presence change. No guard runs.
   *
   * @param room 1 to 128 characters, no control characters
   * @return {@code false} if the connection was already in the room or is closed
   * @throws IllegalArgumentException if the room name is not valid
   */
  boolean join(String room);

  /**
   * Leaves a room. The client receives a {@code room.left} event; with presence on, the room's
   * members get the presence change.
   *
   * @return {@code false} if the connection was not in the room
   */
  boolean leave(String room);

  /**
   * Leaves every room, as {@link #leave(String)} does for each.
   *
   * @return how many rooms the connection left
   */
  int leaveAll();

  /** The rooms this connection is in (a snapshot). */
  Set<String> rooms();

  /**
   * The key that identifies this connection's member in room presence: the value given to {@link
   * #setPresenceKey(String)}, else the name of the {@link #principal()}, else the connection id.
   * Connections with the same key are one member (several tabs of one user).
   */
  String presenceKey();

  /**
   * Sets the presence key, typically in {@link OnConnect} (for example a user id the application
   * has authenticated). The application is responsible for its truth: connections with the same key
   * are shown as one member.
   *
   * @throws IllegalStateException if the connection is already in a room
   * @throws IllegalArgumentException if the key is null or blank
   */
  void setPresenceKey(String key);

  /** The presence metadata of this connection as JSON; {@code JsonValue.NULL} if none was set. */
  JsonValue presenceMeta();

  /**
   * Sets the presence metadata (display name, status, ...): any JSON-B-mappable value, or {@code
   * null}. It applies to the rooms the connection is in, whose members get a {@code
   * presence.update}, and to the rooms it joins later.
   */
  void setPresenceMeta(Object meta);
}
