package io.aquilia.sockets.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The narrow, asynchronous contract between the runtime and the room membership / presence /
 * fan-out backplane: the in-memory default ({@code io.aquilia.sockets.runtime.InMemoryAdapter}), or
 * Redis for many server instances. Every operation returns at once; implementations must not block
 * the caller. The synchronous forms live on {@link io.aquilia.sockets.SocketNamespace} and delegate
 * here.
 *
 * <p>Rooms are identified by {@code (namespace, room)}. A room holds members (one per connection),
 * grouped by presence key: the adapter keeps, per room and key, the metadata (last write wins) and
 * the set of connection ids. Metadata travels as JSON text, encoded once by the runtime.
 *
 * <p>Delivery: the runtime delivers to the members connected to <em>this</em> instance itself, then
 * calls {@link #publish}; the adapter carries the encoded text to the other instances, which hand
 * it to their runtime through {@link Delivery}. The runtime orders the operations of one connection
 * (it never starts a connection's next join or leave before the previous one completed).
 */
public interface SocketAdapter extends AutoCloseable {

  /**
   * One connection's membership of a room.
   *
   * @param connectionId the connection id
   * @param key the presence key (user, or the connection id itself)
   * @param meta the presence metadata as JSON text, or {@code null}
   */
  record Member(String connectionId, String key, String meta) {}

  /**
   * The members of a room that share one presence key.
   *
   * @param key the presence key
   * @param meta the metadata as JSON text (the last value written), or {@code null}
   * @param connections the ids of the key's connections in the room, never empty
   */
  record PresenceEntry(String key, String meta, Set<String> connections) {

    /** Copies the set. */
    public PresenceEntry {
      connections = Set.copyOf(connections);
    }
  }

  /**
   * What a {@link #join} or {@link #leave} did to the member's key.
   *
   * @param changed whether the connection's membership changed (it was added, or removed); {@code
   *     false} for a join that only updated the metadata, or a leave of a non-member
   * @param before the key's entry before the operation, or {@code null} if the key was absent
   * @param after the key's entry after it, or {@code null} if the key is now absent
   */
  record Change(boolean changed, PresenceEntry before, PresenceEntry after) {}

  /** Receives, on this instance, what other instances published. */
  interface Delivery {
    /**
     * Delivers encoded text to this instance's members of a room ({@code room == null}: to every
     * connection of the namespace on this instance), except one connection (may be null).
     */
    void deliver(String namespace, String room, String text, String excludeConnectionId);

    /**
     * A room's presence changed without a local {@link #join} or {@link #leave} reporting it: the
     * members of a dead instance were removed, or this instance's members were registered again
     * after the backplane lost them. The runtime announces it as for a local change. Cluster
     * adapters only; the in-memory adapter never calls it.
     */
    default void presence(String namespace, String room, Change change) {}

    /**
     * Closes this instance's connection with this id (an admin kick from another instance) with a
     * close frame; returns whether the connection was open here.
     */
    default boolean kick(String connectionId, int code, String reason) {
      return false;
    }

    /**
     * Makes this instance's members of a room leave it, telling them (an admin purge from another
     * instance).
     */
    default void purge(String namespace, String room, String reason) {}
  }

  /** Starts the adapter; text published by other instances arrives through {@code delivery}. */
  CompletionStage<Void> start(Delivery delivery);

  /**
   * Adds a connection to a room, or, if it is already a member, replaces its metadata (the key's
   * metadata becomes {@code member.meta()}).
   */
  CompletionStage<Change> join(String namespace, String room, Member member);

  /** Removes a connection from a room. */
  CompletionStage<Change> leave(String namespace, String room, Member member);

  /** The members of a room on every instance, grouped by key; empty for an unknown room. */
  CompletionStage<List<PresenceEntry>> members(String namespace, String room);

  /**
   * Carries encoded text to the other instances' members of a room ({@code room == null}: to every
   * connection of the namespace), except one connection (may be null). The local members have
   * already been served by the runtime.
   */
  CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId);

  /**
   * A connection opened on this instance. Cluster adapters record it, so that a kick issued on any
   * instance finds it, and listen to its namespace.
   */
  default void connected(String namespace, String connectionId) {}

  /** A connection of this instance closed. */
  default void disconnected(String namespace, String connectionId) {}

  /**
   * Carries a kick to the other instance that holds the connection; completes with {@code true} if
   * one does. The runtime has already looked for it locally. In-memory: {@code false}.
   */
  default CompletionStage<Boolean> kick(String connectionId, int code, String reason) {
    return CompletableFuture.completedFuture(false);
  }

  /**
   * Carries a purge to the other instances' members of a room and forgets the room's membership;
   * the runtime purges its own members itself. In-memory: nothing to do.
   */
  default CompletionStage<Void> purge(String namespace, String room, String reason) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * A position in a recoverable room's history.
   *
   * @param epoch the history's epoch: offsets of different epochs are unrelated
   * @param offset the position, from 1
   */
  record Offset(String epoch, long offset) {}

  /**
   * The answer to {@link #history}.
   *
   * @param recovered whether {@code texts} holds every event after the requested offset
   * @param current the room's current position ({@code epoch ""}, offset 0 if it has no history)
   * @param texts the encoded events after the requested offset, oldest first; empty when not
   *     recovered
   */
  record History(boolean recovered, Offset current, List<String> texts) {

    /** Copies the list. */
    public History {
      texts = List.copyOf(texts);
    }
  }

  /**
   * Reserves the next offset of a recoverable room. Fails when the adapter keeps no history (the
   * default) or cannot reach its store; the runtime then delivers without an offset.
   */
  default CompletionStage<Offset> reserve(String namespace, String room) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("this adapter keeps no history"));
  }

  /**
   * Records encoded text under its reserved offset in the room's history, then publishes it as
   * {@link #publish(String, String, String, String)} does.
   */
  default CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId, Offset offset) {
    return publish(namespace, room, text, excludeConnectionId);
  }

  /** The events of a recoverable room after {@code since}, or "not recovered". */
  default CompletionStage<History> history(String namespace, String room, Offset since) {
    return CompletableFuture.completedFuture(new History(false, new Offset("", 0), List.of()));
  }

  /** Counters for monitoring (names are adapter-specific); empty by default. */
  default Map<String, Long> stats() {
    return Map.of();
  }

  /** Stops the adapter and releases its resources. */
  @Override
  void close();

  /** A short name for logs and health checks, e.g. {@code in-memory} or {@code redis}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Why the adapter cannot serve right now (e.g. its backplane is unreachable), or empty when it
   * can. Readiness reports DOWN with this reason.
   */
  default java.util.Optional<String> problem() {
    return java.util.Optional.empty();
  }
}
