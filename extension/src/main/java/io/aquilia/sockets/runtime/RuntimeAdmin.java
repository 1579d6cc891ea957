package io.aquilia.sockets.runtime;

import io.aquilia.sockets.SocketAdmin;
import io.aquilia.sockets.spi.SocketAdapter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The runtime's {@link SocketAdmin}: acts on this server's connections, and through the adapter on
 * the other instances'. Every call is logged (AQS-202).
 */
final class RuntimeAdmin implements SocketAdmin {

  private static final Logger LOG = Logger.getLogger(RuntimeAdmin.class.getName());

  private final Function<String, LiveSocket> sockets;
  private final Iterable<LiveSocket> all;
  private final SocketAdapter adapter;

  RuntimeAdmin(
      Function<String, LiveSocket> sockets, Iterable<LiveSocket> all, SocketAdapter adapter) {
    this.sockets = sockets;
    this.all = all;
    this.adapter = adapter;
  }

  @Override
  public CompletionStage<Integer> broadcast(
      String namespace, String room, String event, Object payload) {
    LiveSocket s = sockets.apply(namespace);
    if (s == null) {
      return unknown(namespace);
    }
    if (room != null && RoomNames.problem(room).isPresent()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(RoomNames.problem(room).get()));
    }
    LOG.info(Messages.adminAction("broadcast", namespace, room, event));
    int n = room == null ? s.broadcast(event, payload) : s.publish(room, event, payload);
    return CompletableFuture.completedFuture(n);
  }

  @Override
  public CompletionStage<Integer> purgeRoom(String namespace, String room, String reason) {
    LiveSocket s = sockets.apply(namespace);
    if (s == null) {
      return unknown(namespace);
    }
    if (RoomNames.problem(room).isPresent()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(RoomNames.problem(room).get()));
    }
    LOG.info(Messages.adminAction("purge", namespace, room, reason));
    int n = s.purge(room, reason);
    return adapter.purge(namespace, room, reason).thenApply(v -> n);
  }

  @Override
  public CompletionStage<Boolean> kick(String connectionId, String reason) {
    String why =
        RuntimeConnection.truncateReason(
            reason == null || reason.isBlank() ? "kicked by admin" : reason);
    LOG.info(Messages.adminAction("kick", null, connectionId, why));
    for (LiveSocket s : all) {
      if (s.kick(connectionId, KICK_CLOSE_CODE, why)) {
        return CompletableFuture.completedFuture(true);
      }
    }
    return adapter.kick(connectionId, KICK_CLOSE_CODE, why);
  }

  private static <T> CompletionStage<T> unknown(String namespace) {
    return CompletableFuture.failedFuture(
        new IllegalArgumentException("no socket has the namespace " + namespace));
  }

  /** The adapter's counters (for monitoring). */
  Map<String, Long> adapterStats() {
    return adapter.stats();
  }
}
