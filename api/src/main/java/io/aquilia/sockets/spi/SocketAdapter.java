package io.aquilia.sockets.spi;

import java.util.List;
import java.util.Set;
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

  /** Stops the adapter and releases its resources. */
  @Override
  void close();
}
