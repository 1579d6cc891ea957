package io.aquilia.sockets.redisson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Everything this instance does with Redis: publishing envelopes and commands, listening to the
 * channels it has members for, cluster-wide membership and presence, instance liveness and the
 * recovery streams. One per application; it owns the application's only Redisson client.
 *
 * <h2>States</h2>
 *
 * {@code NEW -> CONNECTING -> UP <-> DOWN -> CLOSED}. While not {@code UP}, operations act on the
 * local state only and publishes to other instances are skipped (counted). Connecting is retried
 * with exponential backoff. Every state change is logged once. A heartbeat registers the instance
 * with an expiry; when the heartbeat finds this instance missing (Redis restarted, or the instance
 * was declared dead during an outage) it registers every local membership and connection again.
 * Each heartbeat also removes the members of instances whose expiry has passed, and reports the
 * presence changes through {@link Inbound#presence}.
 */
public final class RedisBackplane implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RedisBackplane.class.getName());

  /** What the backplane hands to the runtime. Called on Redisson threads; must not block. */
  public interface Inbound {
    /** An envelope from another instance for the local members of a room (or namespace). */
    void deliver(String ns, String room, String text, String exclude, long offset);

    /** Close a local connection (admin kick). */
    void kick(String connectionId, int code, String reason);

    /** Make the local members of a room leave it, telling them (admin purge). */
    void purge(String ns, String room, String reason);

    /**
     * A room's presence changed in a way that no local call reported: the members of a dead
     * instance left, or this instance's members came back after Redis lost them.
     */
    void presence(String ns, String room, PresenceDelta delta);
  }

  /** Lifecycle states. */
  public enum State {
    NEW,
    CONNECTING,
    UP,
    DOWN,
    CLOSED
  }

  /** A local membership, kept to register it again after Redis lost it. */
  private record Membership(String ns, String room, String connectionId, String key, String meta) {}

  private final RedisSettings settings;
  private final Keys keys;
  private final WireCodec codec;
  private final Inbound inbound;
  private final AdapterStats stats = new AdapterStats();
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
  private final Map<String, String> connections = new ConcurrentHashMap<>();
  private final RedisCalls calls = new RedisCalls(() -> state.get() == State.UP);
  private final RedisHistory history;
  private final AdminCommands admin;
  private final RoomPresence presence;
  private final Subscriptions subscriptions;
  private final ScheduledExecutorService timer;
  private final Config config;
  private final boolean sharded;
  private volatile RedissonClient client;
  private volatile long downSince;
  private volatile String lastFailure = "";

  /** A backplane; {@link #start()} connects. */
  public RedisBackplane(RedisSettings settings, Inbound inbound) {
    this.settings = settings;
    this.keys = new Keys(settings.prefix());
    this.codec = new WireCodec(settings.prefix(), settings.secret());
    this.inbound = inbound;
    this.config = RedissonClients.config(settings);
    this.history = new RedisHistory(calls, keys, settings.recoverySize());
    this.admin = new AdminCommands(calls, keys, settings, this::send);
    this.presence = new RoomPresence(calls, keys, settings.instanceId());
    this.sharded =
        switch (settings.sharded()) {
          case "true" -> true;
          case "false" -> false;
          default -> config.isClusterConfig();
        };
    this.subscriptions = new Subscriptions((channel, wire) -> onWire(wire));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "aquilia-sockets-redis-" + settings.instanceId());
              t.setDaemon(true);
              return t;
            });
  }

  /** This instance's id. */
  public String instanceId() {
    return settings.instanceId();
  }

  /** The current state. */
  public State state() {
    return state.get();
  }

  /** The counters: published, received, skippedWhileDown, dropped and dropped by reason. */
  public Map<String, Long> stats() {
    return stats.snapshot();
  }

  /**
   * Starts connecting in the background and returns at once; the application deploys even when
   * Redis is unreachable.
   */
  public void start() {
    if (state.compareAndSet(State.NEW, State.CONNECTING)) {
      subscriptions.acquire(keys.instanceChannel(settings.instanceId()));
      timer.execute(() -> connect(500));
    }
  }

  // ------------------------------------------------------------------ connection and liveness

  private void connect(long backoff) {
    if (state.get() == State.CLOSED) {
      return;
    }
    RedissonClient c;
    try {
      c = RedissonClients.connect(config);
    } catch (RuntimeException e) {
      String why = rootMessage(e);
      lastFailure = why;
      if (downSince == 0) {
        downSince = System.currentTimeMillis();
        LOG.warning(
            Messages.unreachable(
                settings.target(), settings.instanceId(), settings.maxBackoffMillis(), why));
      }
      long next = Math.min(backoff * 2, settings.maxBackoffMillis());
      schedule(() -> connect(next), backoff);
      return;
    }
    if (state.get() == State.CLOSED) {
      c.shutdown(0, 2, TimeUnit.SECONDS);
      return;
    }
    client = c;
    calls.attach(c);
    subscriptions.attach(this::topic);
    subscriptions.restore();
    boolean wasDown = downSince != 0;
    state.set(State.UP);
    if (wasDown) {
      stats.reconnects.increment();
      LOG.info(Messages.restored(settings.target(), System.currentTimeMillis() - downSince));
      downSince = 0;
    }
    LOG.info(
        Messages.connected(
            settings.target(),
            settings.instanceId(),
            (sharded() ? "sharded" : "classic") + " topics, prefix " + settings.prefix()));
    heartbeat();
  }

  private void schedule(Runnable task, long delayMillis) {
    if (state.get() != State.CLOSED) {
      try {
        timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }

  /** One heartbeat; schedules the next one when it completes, so beats never overlap. */
  private void heartbeat() {
    RedissonClient c = client;
    if (c == null || state.get() == State.CLOSED) {
      return;
    }
    CompletionStage<List<Object>> beat =
        script(
            keys.instances(),
            Scripts.HEARTBEAT,
            RScript.ReturnType.LIST,
            List.of(keys.instances()),
            settings.instanceId(),
            Long.toString(settings.ttlMillis()));
    beat.whenComplete(
        (r, failure) -> {
          try {
            if (failure != null) {
              markDown(rootMessage(failure));
            } else {
              markUp();
              if (history.hasGaps()) {
                history.closeGaps();
              }
              if ("1".equals(String.valueOf(r.get(0)))) {
                resynchronise();
              }
              for (int i = 1; i < r.size(); i++) {
                String dead = String.valueOf(r.get(i));
                if (!dead.equals(settings.instanceId())) {
                  sweep(dead);
                }
              }
            }
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, Messages.operationFailed("heartbeat"), e);
          } finally {
            schedule(this::heartbeat, settings.heartbeatMillis());
          }
        });
  }

  private void markDown(String why) {
    if (state.compareAndSet(State.UP, State.DOWN)) {
      downSince = System.currentTimeMillis();
      lastFailure = why;
      LOG.warning(Messages.lost(settings.target(), why));
    }
  }

  private void markUp() {
    if (state.compareAndSet(State.DOWN, State.UP)) {
      stats.reconnects.increment();
      LOG.info(Messages.restored(settings.target(), System.currentTimeMillis() - downSince));
      downSince = 0;
      subscriptions.restore();
    }
  }

  /** Registers every local membership and connection again (after Redis lost them). */
  private void resynchronise() {
    List<Membership> all = List.copyOf(memberships.values());
    List<Map.Entry<String, String>> conns = List.copyOf(connections.entrySet());
    if (all.isEmpty() && conns.isEmpty()) {
      return;
    }
    LOG.info(Messages.resynchronised(all.size(), conns.size()));
    for (Map.Entry<String, String> e : conns) {
      registerConnection(e.getKey());
    }
    for (Membership m : all) {
      presence
          .add(m.ns(), m.room(), m.connectionId(), m.key(), m.meta())
          .thenAccept(
              d -> {
                if (d.changed()) {
                  inbound.presence(m.ns(), m.room(), d);
                }
              })
          .exceptionally(this::logged);
    }
  }

  /** Removes the entries of a dead instance; only the instance that unregisters it does so. */
  private void sweep(String dead) {
    client
        .getScoredSortedSet(keys.instances(), StringCodec.INSTANCE)
        .removeAsync(dead)
        .thenCompose(
            removed ->
                removed
                    ? presence.removeInstance(dead, inbound::presence, true)
                    : CompletableFuture.<Void>completedFuture(null))
        .whenComplete(
            (v, failure) -> {
              if (failure != null) {
                LOG.log(Level.FINE, Messages.operationFailed("sweep " + dead), failure);
              }
            });
  }

  // ------------------------------------------------------------------ publishing

  /**
   * Publishes an envelope to the other instances with members in the room ({@code room == null}:
   * every instance with connections of the namespace). The caller delivers locally itself.
   */
  public CompletionStage<Long> publish(
      String ns, String room, String text, String exclude, long offset) {
    String channel = room == null ? keys.namespaceChannel(ns) : keys.roomChannel(ns, room);
    return send(
        channel,
        new WireMessage(
            WireMessage.Kind.ENVELOPE,
            settings.instanceId(),
            settings.prefix(),
            ns,
            room,
            exclude,
            offset,
            text));
  }

  private CompletionStage<Long> send(String channel, WireMessage m) {
    RedissonClient c = client;
    if (c == null || state.get() != State.UP) {
      stats.skippedWhileDown.increment();
      return CompletableFuture.completedFuture(0L);
    }
    stats.published.increment();
    return track(topic(channel).publishAsync(codec.write(m)))
        .exceptionally(
            failure -> {
              markDown(rootMessage(failure));
              stats.skippedWhileDown.increment();
              return 0L;
            });
  }

  private RTopic topic(String channel) {
    RedissonClient c = client;
    return sharded()
        ? c.getShardedTopic(channel, StringCodec.INSTANCE)
        : c.getTopic(channel, StringCodec.INSTANCE);
  }

  boolean sharded() {
    return sharded;
  }

  private void onWire(String wire) {
    WireCodec.Verdict v = codec.read(wire);
    if (v instanceof WireCodec.Verdict.Rejected r) {
      stats.dropped(r.reason());
      return;
    }
    WireMessage m = ((WireCodec.Verdict.Accepted) v).message();
    if (m.instance().equals(settings.instanceId())) {
      return;
    }
    stats.received.increment();
    try {
      if (m.kind() == WireMessage.Kind.ENVELOPE) {
        inbound.deliver(m.namespace(), m.room(), m.text(), m.exclude(), m.offset());
      } else {
        AdminCommands.dispatch(m.text(), inbound, stats);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, Messages.listenerFailed(m.kind() + " " + m.namespace()), e);
    }
  }

  // ------------------------------------------------------------------ membership and presence

  /** A local connection opened: registers it for kicks and listens to its namespace channel. */
  public void connectionOpened(String ns, String connectionId) {
    if (connections.put(connectionId, ns) == null) {
      subscriptions.acquire(keys.namespaceChannel(ns));
      if (isUp()) {
        registerConnection(connectionId);
      }
    }
  }

  /** A local connection closed. */
  public void connectionClosed(String connectionId) {
    String ns = connections.remove(connectionId);
    if (ns == null) {
      return;
    }
    subscriptions.release(keys.namespaceChannel(ns));
    if (isUp()) {
      client
          .getSet(keys.instanceConnections(settings.instanceId()), StringCodec.INSTANCE)
          .removeAsync(connectionId)
          .exceptionally(this::logged);
    }
  }

  private void registerConnection(String connectionId) {
    client
        .getSet(keys.instanceConnections(settings.instanceId()), StringCodec.INSTANCE)
        .addAsync(connectionId)
        .exceptionally(this::logged);
  }

  /**
   * A local connection joined a room (or, already a member, replaced its key's metadata). Completes
   * with the cluster-wide change of its presence key. Without Redis, the change is computed from
   * the local members only.
   */
  public CompletionStage<PresenceDelta> join(
      String ns, String room, String connectionId, String key, String meta) {
    Membership m = new Membership(ns, room, connectionId, key, meta);
    String entry = Keys.roomEntry(ns, room, connectionId);
    PresenceState before = localState(ns, room, key);
    Membership previous = memberships.put(entry, m);
    CompletionStage<Void> routed =
        previous == null
            ? subscriptions.acquire(keys.roomChannel(ns, room))
            : CompletableFuture.completedFuture(null);
    if (!isUp()) {
      return CompletableFuture.completedFuture(
          new PresenceDelta(previous == null, before, localState(ns, room, key)));
    }
    return track(presence.add(ns, room, connectionId, key, meta))
        .exceptionally(f -> new PresenceDelta(previous == null, before, localState(ns, room, key)))
        .thenCombine(routed, (delta, v) -> delta);
  }

  /**
   * A local connection left a room. Completes with the cluster-wide change of its presence key
   * ({@code after == null}: the key left the room's presence).
   */
  public CompletionStage<PresenceDelta> leave(String ns, String room, String connectionId) {
    Membership m = memberships.remove(Keys.roomEntry(ns, room, connectionId));
    if (m == null) {
      return CompletableFuture.completedFuture(new PresenceDelta(false, null, null));
    }
    subscriptions.release(keys.roomChannel(ns, room));
    PresenceState localAfter = localState(ns, room, m.key());
    PresenceState localBefore = withConnection(localAfter, m);
    if (!isUp()) {
      return CompletableFuture.completedFuture(new PresenceDelta(true, localBefore, localAfter));
    }
    return track(presence.remove(ns, room, connectionId, m.key()))
        .exceptionally(f -> new PresenceDelta(true, localBefore, localAfter));
  }

  /**
   * The members of a room on live instances, grouped by presence key and sorted by key. Without
   * Redis: the local members only.
   */
  public CompletionStage<List<PresenceState>> members(String ns, String room) {
    if (!isUp()) {
      return CompletableFuture.completedFuture(localMembers(ns, room));
    }
    return presence.members(ns, room).exceptionally(f -> localMembers(ns, room));
  }

  private List<PresenceState> localMembers(String ns, String room) {
    return memberships.values().stream()
        .filter(m -> m.ns().equals(ns) && m.room().equals(room))
        .map(Membership::key)
        .distinct()
        .sorted()
        .map(k -> localState(ns, room, k))
        .toList();
  }

  private PresenceState localState(String ns, String room, String key) {
    Set<String> conns = new java.util.HashSet<>();
    String meta = null;
    for (Membership m : memberships.values()) {
      if (m.ns().equals(ns) && m.room().equals(room) && m.key().equals(key)) {
        conns.add(m.connectionId());
        meta = m.meta();
      }
    }
    return conns.isEmpty() ? null : new PresenceState(key, meta, conns);
  }

  private static PresenceState withConnection(PresenceState s, Membership m) {
    Set<String> conns = new java.util.HashSet<>(s == null ? Set.of() : s.connections());
    conns.add(m.connectionId());
    return new PresenceState(m.key(), s == null ? m.meta() : s.meta(), conns);
  }

  // ------------------------------------------------------------------ admin

  /**
   * Closes a connection wherever it lives. Completes with {@code true} if the connection was found
   * (here, or registered by a live instance that received the command).
   */
  public CompletionStage<Boolean> kick(String connectionId, int code, String reason) {
    if (connections.containsKey(connectionId)) {
      inbound.kick(connectionId, code, reason);
      return CompletableFuture.completedFuture(true);
    }
    return admin.kick(connectionId, code, reason);
  }

  /**
   * Purges a room on the other instances: those with members receive the command (their runtime
   * makes them leave, telling them), and the room's membership is deleted in Redis. The caller
   * purges its own members.
   */
  public CompletionStage<Void> purge(String ns, String room, String reason) {
    return admin.purge(ns, room, reason);
  }

  // ------------------------------------------------------------------ recovery

  /**
   * Reserves the next offset of a recoverable room: {@code [epoch, offset]}. Fails while Redis is
   * not reachable.
   */
  public CompletionStage<Map.Entry<String, Long>> reserve(String ns, String room) {
    return history.reserve(ns, room);
  }

  /** Appends an envelope with its reserved offset to the room's capped stream, then publishes. */
  public CompletionStage<Long> publishRecoverable(
      String ns, String room, String text, String exclude, long offset) {
    return history
        .append(ns, room, text, offset)
        .thenCompose(v -> publish(ns, room, text, exclude, offset));
  }

  /**
   * The envelopes published to a recoverable room after {@code offset} in {@code epoch}; "not
   * recovered" when the epoch differs, the offset is ahead, or entries after it were trimmed.
   */
  public CompletionStage<History> history(String ns, String room, String epoch, long offset) {
    return history.history(ns, room, epoch, offset);
  }

  // ------------------------------------------------------------------ plumbing

  private boolean isUp() {
    return calls.isUp();
  }

  private <R> CompletionStage<R> script(
      String routingKey,
      String lua,
      RScript.ReturnType type,
      List<Object> keyList,
      Object... args) {
    return calls.script(routingKey, lua, type, keyList, args);
  }

  private <T> T logged(Throwable failure) {
    return calls.logged(failure);
  }

  private static String rootMessage(Throwable t) {
    return RedisCalls.rootMessage(t);
  }

  /**
   * Leaves the cluster cleanly, then shuts Redisson down; waits a few seconds at most. First the
   * operations in flight finish (the leaves of the connections the runtime just closed, and the
   * presence events they publish); then every entry this instance still has in Redis is removed,
   * its presence changes reported through {@link Inbound#presence} (so the other instances see the
   * members leave at once, not after the TTL); then the instance unregisters.
   */
  @Override
  public void close() {
    State previous = state.get();
    if (previous == State.CLOSED) {
      return;
    }
    RedissonClient c = client;
    try {
      if (previous == State.UP && c != null) {
        calls.drain(2000);
        presence
            .removeInstance(settings.instanceId(), inbound::presence, false)
            .toCompletableFuture()
            .get(3, TimeUnit.SECONDS);
        calls.drain(1000);
        c.getScoredSortedSet(keys.instances(), StringCodec.INSTANCE)
            .removeAsync(settings.instanceId())
            .toCompletableFuture()
            .get(2, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.log(Level.FINE, Messages.operationFailed("unregister at close"), e);
    } finally {
      state.set(State.CLOSED);
      timer.shutdownNow();
      if (c != null) {
        c.shutdown(0, 2, TimeUnit.SECONDS);
      }
      LOG.info(Messages.closed(settings.instanceId()));
    }
  }

  private <T> CompletionStage<T> track(CompletionStage<T> stage) {
    return calls.track(stage);
  }

  /** For tests: dies without unregistering anything, as a killed server would. */
  void crashForTest() {
    state.set(State.CLOSED);
    timer.shutdownNow();
    RedissonClient c = client;
    if (c != null) {
      c.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  /** For tests: whether a room channel is subscribed. */
  boolean listensTo(String ns, String room) {
    return subscriptions.isSubscribed(keys.roomChannel(ns, room));
  }

  /** The key names (for tests). */
  Keys keys() {
    return keys;
  }

  /** Why the backplane cannot carry messages now (for readiness), or empty while Redis answers. */
  public Optional<String> problem() {
    State s = state.get();
    String failure = lastFailure.isEmpty() ? "" : ": " + lastFailure;
    return switch (s) {
      case UP -> Optional.empty();
      case NEW, CONNECTING -> Optional.of("connecting to Redis at " + settings.target() + failure);
      case DOWN ->
          Optional.of(
              "Redis at "
                  + settings.target()
                  + " unreachable for "
                  + (System.currentTimeMillis() - downSince)
                  + " ms"
                  + failure);
      case CLOSED -> Optional.of("the adapter is closed");
    };
  }

  String lastFailure() {
    return lastFailure;
  }
}
