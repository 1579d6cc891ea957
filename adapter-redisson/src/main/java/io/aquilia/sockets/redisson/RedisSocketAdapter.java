package io.aquilia.sockets.redisson;

import io.aquilia.sockets.spi.SocketAdapter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The {@link SocketAdapter} over Redis: a thin translation to {@link RedisBackplane}, which does
 * the work. Created once per application by {@link RedisAdapterProvider}; {@link #close()} at
 * undeployment shuts Redisson down.
 */
public final class RedisSocketAdapter implements SocketAdapter {

  private final RedisSettings settings;
  private volatile RedisBackplane backplane;

  /** An adapter with these settings; nothing connects before {@link #start}. */
  public RedisSocketAdapter(RedisSettings settings) {
    this.settings = settings;
  }

  @Override
  public CompletionStage<Void> start(Delivery delivery) {
    RedisBackplane b =
        new RedisBackplane(
            settings,
            new RedisBackplane.Inbound() {
              @Override
              public void deliver(String ns, String room, String text, String exclude, long o) {
                delivery.deliver(ns, room, text, exclude);
              }

              @Override
              public void kick(String connectionId, int code, String reason) {}

              @Override
              public void purge(String ns, String room, String reason) {}

              @Override
              public void presence(String ns, String room, PresenceDelta delta) {}
            });
    backplane = b;
    b.start();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Boolean> join(String namespace, String room, String connectionId) {
    return backplane
        .join(namespace, room, connectionId, connectionId, null)
        .thenApply(d -> d.changed());
  }

  @Override
  public CompletionStage<Boolean> leave(String namespace, String room, String connectionId) {
    return backplane.leave(namespace, room, connectionId).thenApply(d -> d.changed());
  }

  @Override
  public CompletionStage<Set<String>> members(String namespace, String room) {
    return backplane
        .members(namespace, room)
        .thenApply(
            l -> l.stream().flatMap(s -> s.connections().stream()).collect(Collectors.toSet()));
  }

  @Override
  public CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId) {
    return backplane.publish(namespace, room, text, excludeConnectionId, 0).thenApply(n -> null);
  }

  @Override
  public void close() {
    RedisBackplane b = backplane;
    if (b != null) {
      b.close();
    }
  }
}
