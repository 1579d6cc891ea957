package io.aquilia.sockets;

import io.aquilia.sockets.spi.NamespaceRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Base class of every {@link Socket} controller. Subclasses declare handlers with {@link
 * OnConnect}, {@link OnDisconnect}, {@link Event}, {@link AckEvent}, {@link Subscribe}, {@link
 * Unsubscribe} and {@link Guard}; inherited handlers count as well.
 *
 * <p>The methods here reach the running socket, so any bean can push messages by injecting the
 * controller: {@code @Inject ChatSocket chat; ... chat.broadcast("news", item);}. They fail with
 * {@link IllegalStateException} before the socket is deployed.
 */
public abstract class SocketController {

  /** For subclasses. */
  protected SocketController() {}

  /** The running socket of this controller's class. */
  public SocketNamespace namespace() {
    return NamespaceRegistry.lookup(getClass())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "AQS-100 No deployed socket for "
                        + getClass().getName()
                        + " (not deployed yet?)"));
  }

  /** A snapshot of the open connections of this socket. */
  public Collection<Connection> connections() {
    return namespace().connections();
  }

  /** The open connection with this id, if any. */
  public Optional<Connection> connection(String id) {
    return namespace().connection(id);
  }

  /**
   * Sends an event to every open connection of this socket; returns the number of local recipients.
   */
  public int broadcast(String event, Object payload) {
    return namespace().broadcast(event, payload);
  }

  /** Sends an event to every open connection of this socket except one. */
  public int broadcast(String event, Object payload, String excludeConnectionId) {
    return namespace().broadcast(event, payload, excludeConnectionId);
  }

  /** Sends an event to one connection by id; returns {@code false} if it is not open here. */
  public boolean sendTo(String connectionId, String event, Object payload) {
    return namespace().sendTo(connectionId, event, payload);
  }

  /** Sends an event to every member of a room; returns the number of local recipients. */
  public int publish(String room, String event, Object payload) {
    return namespace().publish(room, event, payload);
  }

  /**
   * Sends an event to every member of a room except one (typically the sender); returns the number
   * of local recipients.
   */
  public int publish(String room, String event, Object payload, String excludeConnectionId) {
    return namespace().publish(room, event, payload, excludeConnectionId);
  }

  /** The rooms with at least one member on this server. */
  public Set<String> rooms() {
    return namespace().rooms();
  }

  /** The ids of the connections in a room. */
  public Set<String> members(String room) {
    return namespace().members(room);
  }

  /** The presence members of a room, sorted by key. */
  public List<PresenceMember> presence(String room) {
    return namespace().presence(room);
  }
}
