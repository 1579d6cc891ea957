package io.aquilia.sockets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A deployed socket at run time: its connections, its rooms and the operations that reach them.
 * Obtain it from {@link SocketController#namespace()} or {@link Broadcaster}. Rooms are scoped to
 * the namespace: a room {@code lobby} of one socket is unrelated to a room {@code lobby} of
 * another.
 *
 * <p>Sending methods never block: each envelope is encoded once and queued for every recipient.
 * They return the number of connections of <em>this server</em> it was queued for; with a cluster
 * adapter, the other servers deliver to their own members. Membership and presence queries go
 * through the adapter, so they are asynchronous; the synchronous forms wait for the answer (at once
 * with the in-memory adapter).
 */
public interface SocketNamespace {

  /** The namespace name (the path template unless {@link Socket#namespace()} names it). */
  String name();

  /** The path template, e.g. {@code /ws/chat/:room}. */
  String path();

  /** A snapshot of the open connections of this server. */
  Collection<Connection> connections();

  /** The open connection with this id on this server, if any. */
  Optional<Connection> connection(String id);

  /**
   * Sends an event to every open connection of the namespace.
   *
   * @return the number of local connections it was queued for
   */
  default int broadcast(String event, Object payload) {
    return broadcast(event, payload, null);
  }

  /**
   * Sends an event to every open connection of the namespace except one.
   *
   * @param excludeConnectionId the connection left out, or {@code null}
   * @return the number of local connections it was queued for
   */
  int broadcast(String event, Object payload, String excludeConnectionId);

  /** Sends an event to one connection by id; {@code false} if it is not open on this server. */
  default boolean sendTo(String connectionId, String event, Object payload) {
    return connection(connectionId).map(c -> c.send(event, payload)).orElse(false);
  }

  /**
   * Sends an event to every member of a room.
   *
   * @return the number of local members it was queued for
   */
  default int publish(String room, String event, Object payload) {
    return publish(room, event, payload, null);
  }

  /**
   * Sends an event to every member of a room except one (typically the sender).
   *
   * @param excludeConnectionId the connection left out, or {@code null}
   * @return the number of local members it was queued for
   */
  int publish(String room, String event, Object payload, String excludeConnectionId);

  /** The rooms that have at least one member on this server (a snapshot). */
  Set<String> rooms();

  /** The ids of the connections in a room, on every server the adapter reaches. */
  CompletionStage<Set<String>> membersAsync(String room);

  /** {@link #membersAsync(String)}, waiting for the answer. */
  default Set<String> members(String room) {
    return await(membersAsync(room));
  }

  /**
   * The presence members of a room, sorted by key. Empty for a room without members; on a socket
   * without {@link Socket#presence()}, each connection is its own member without metadata.
   */
  CompletionStage<List<PresenceMember>> presenceAsync(String room);

  /** {@link #presenceAsync(String)}, waiting for the answer. */
  default List<PresenceMember> presence(String room) {
    return await(presenceAsync(room));
  }

  /** Counters of this socket on this server. */
  SocketStats stats();

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
