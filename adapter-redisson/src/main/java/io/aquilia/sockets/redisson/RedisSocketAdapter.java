package io.aquilia.sockets.redisson;

import io.aquilia.sockets.spi.SocketAdapter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link SocketAdapter} over Redis: a thin translation to {@link RedisBackplane}, which does
 * the work. Created once per application by {@link RedisAdapterProvider}; {@link #close()} at
 * undeployment shuts Redisson down. {@link #start} returns at once, also when Redis is unreachable.
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
    RedisBackplane b = new RedisBackplane(settings, new Inbound(delivery));
    backplane = b;
    b.start();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Change> join(String namespace, String room, Member member) {
    return backplane
        .join(namespace, room, member.connectionId(), member.key(), member.meta())
        .thenApply(RedisSocketAdapter::change);
  }

  @Override
  public CompletionStage<Change> leave(String namespace, String room, Member member) {
    return backplane
        .leave(namespace, room, member.connectionId())
        .thenApply(RedisSocketAdapter::change);
  }

  @Override
  public CompletionStage<List<PresenceEntry>> members(String namespace, String room) {
    return backplane
        .members(namespace, room)
        .thenApply(l -> l.stream().map(RedisSocketAdapter::entry).toList());
  }

  @Override
  public CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId) {
    return backplane.publish(namespace, room, text, excludeConnectionId, 0).thenApply(n -> null);
  }

  @Override
  public CompletionStage<Offset> reserve(String namespace, String room) {
    return backplane.reserve(namespace, room).thenApply(e -> new Offset(e.getKey(), e.getValue()));
  }

  @Override
  public CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId, Offset offset) {
    return backplane
        .publishRecoverable(namespace, room, text, excludeConnectionId, offset.offset())
        .thenApply(n -> null);
  }

  @Override
  public CompletionStage<SocketAdapter.History> history(
      String namespace, String room, Offset since) {
    return backplane
        .history(namespace, room, since.epoch(), since.offset())
        .thenApply(
            h ->
                new SocketAdapter.History(
                    h.recovered(), new Offset(h.epoch(), h.offset()), h.envelopes()));
  }

  @Override
  public void connected(String namespace, String connectionId) {
    backplane.connectionOpened(namespace, connectionId);
  }

  @Override
  public void disconnected(String namespace, String connectionId) {
    backplane.connectionClosed(connectionId);
  }

  @Override
  public CompletionStage<Boolean> kick(String connectionId, int code, String reason) {
    return backplane.kick(connectionId, code, reason);
  }

  @Override
  public CompletionStage<Void> purge(String namespace, String room, String reason) {
    return backplane.purge(namespace, room, reason);
  }

  /** Not ready while Redis does not answer (readiness reports the reason). */
  @Override
  public java.util.Optional<String> problem() {
    RedisBackplane b = backplane;
    return b == null ? java.util.Optional.of("not started") : b.problem();
  }

  /** {@code redis}: the name health checks and metrics report. */
  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Map<String, Long> stats() {
    RedisBackplane b = backplane;
    if (b == null) {
      return Map.of();
    }
    Map<String, Long> m = new LinkedHashMap<>(b.stats());
    m.put("up", b.state() == RedisBackplane.State.UP ? 1L : 0L);
    return m;
  }

  /** The backplane (recovery, state). */
  public RedisBackplane backplane() {
    return backplane;
  }

  @Override
  public void close() {
    RedisBackplane b = backplane;
    if (b != null) {
      b.close();
    }
  }

  static Change change(PresenceDelta d) {
    return new Change(d.changed(), entry(d.before()), entry(d.after()));
  }

  static PresenceEntry entry(PresenceState s) {
    return s == null ? null : new PresenceEntry(s.key(), s.meta(), s.connections());
  }

  /** Hands what the backplane receives to the runtime. */
  private record Inbound(Delivery delivery) implements RedisBackplane.Inbound {

    @Override
    public void deliver(String ns, String room, String text, String exclude, long offset) {
      delivery.deliver(ns, room, text, exclude);
    }

    @Override
    public void kick(String connectionId, int code, String reason) {
      delivery.kick(connectionId, code, reason);
    }

    @Override
    public void purge(String ns, String room, String reason) {
      delivery.purge(ns, room, reason);
    }

    @Override
    public void presence(String ns, String room, PresenceDelta delta) {
      delivery.presence(ns, room, change(delta));
    }
  }
}
