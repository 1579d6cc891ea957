package io.aquilia.sockets.spi;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The narrow, asynchronous contract between the runtime and a membership/delivery backplane: the
 * in-memory default, or Redis through Redisson for many server instances. Every operation is
 * asynchronous; implementations must not block the caller.
 *
 * <p>Encoded envelopes travel as text, encoded once by the publisher.
 */
public interface SocketAdapter extends AutoCloseable {

  /** Receives text published to rooms (or the namespace) by any instance. */
  interface Delivery {
    /**
     * Delivers encoded text to the local members of a room ({@code room == null}: every local
     * connection of the namespace), except the excluded connection id (may be null).
     */
    void deliver(String namespace, String room, String text, String excludeConnectionId);
  }

  /** Starts the adapter; deliveries for local members arrive through {@code delivery}. */
  CompletionStage<Void> start(Delivery delivery);

  /** Records that a connection joined a room. */
  CompletionStage<Boolean> join(String namespace, String room, String connectionId);

  /** Records that a connection left a room. */
  CompletionStage<Boolean> leave(String namespace, String room, String connectionId);

  /** The ids of a room's members across all instances. */
  CompletionStage<Set<String>> members(String namespace, String room);

  /** Publishes encoded text to a room ({@code room == null}: the whole namespace). */
  CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId);

  /** Stops the adapter and releases its resources. */
  @Override
  void close();
}
