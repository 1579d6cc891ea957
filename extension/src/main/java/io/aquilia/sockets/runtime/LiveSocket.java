package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.PresenceMember;
import io.aquilia.sockets.Recoverable;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.SocketNamespace;
import io.aquilia.sockets.SocketStats;
import io.aquilia.sockets.StandardEvents;
import io.aquilia.sockets.spi.SocketAdapter;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A deployed socket: its model, its controller instance, its open connections and its rooms. This
 * is the entry point the transport glue calls for open, frame and close.
 */
public final class LiveSocket implements SocketNamespace {

  private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());

  private final ControllerModel model;
  private final Object controller;
  private final EnvelopeCodec codec;
  private final Clock clock;
  private final Dispatcher dispatcher;
  private final SocketProtection protection;
  private final Rooms rooms;
  private final SocketAdapter adapter;
  private final Recovery recovery;
  private final DeliveryStats delivery = new DeliveryStats();
  private final ThrottledLog warnings;
  private final Map<String, RuntimeConnection> connections = new ConcurrentHashMap<>();
  private volatile SocketObserver observer = SocketObserver.NONE;

  LiveSocket(
      ControllerModel model,
      Object controller,
      EnvelopeCodec codec,
      PayloadBinder binder,
      Clock clock,
      SocketAdapter adapter,
      Executor streams) {
    this(model, controller, codec, binder, clock, adapter, streams, Components.NONE);
  }

  LiveSocket(
      ControllerModel model,
      Object controller,
      EnvelopeCodec codec,
      PayloadBinder binder,
      Clock clock,
      SocketAdapter adapter,
      Executor streams,
      Components components) {
    this.model = model;
    this.controller = controller;
    this.codec = codec;
    this.clock = clock;
    this.warnings = new ThrottledLog(clock);
    this.dispatcher = new Dispatcher(this, binder, streams);
    this.protection = new SocketProtection(model, controller, components, clock, warnings);
    this.rooms = new Rooms(this, adapter, model.rooms().presence());
    this.adapter = adapter;
    this.recovery =
        model.type().isAnnotationPresent(Recoverable.class)
            ? new Recovery(this, rooms, adapter)
            : null;
  }

  @Override
  public String name() {
    return model.namespace();
  }

  @Override
  public String path() {
    return model.path().template();
  }

  @Override
  public Collection<Connection> connections() {
    return connections.values().stream()
        .filter(RuntimeConnection::isOpen)
        .map(c -> (Connection) c)
        .toList();
  }

  @Override
  public Optional<Connection> connection(String id) {
    return Optional.ofNullable(connections.get(id));
  }

  @Override
  public int broadcast(String event, Object payload, String excludeConnectionId) {
    String text = codec.encode(Envelope.event(event, payload));
    int n = deliverAll(text, excludeConnectionId);
    rooms.forward(null, text, excludeConnectionId);
    return n;
  }

  @Override
  public int publish(String room, String event, Object payload, String excludeConnectionId) {
    RoomNames.require(room);
    if (recovery != null) {
      return recovery.publish(room, event, payload, excludeConnectionId);
    }
    return rooms.publish(room, codec.encode(Envelope.event(event, payload)), excludeConnectionId);
  }

  @Override
  public Set<String> rooms() {
    return rooms.names();
  }

  @Override
  public CompletionStage<Set<String>> membersAsync(String room) {
    return rooms.memberIds(room);
  }

  @Override
  public CompletionStage<List<PresenceMember>> presenceAsync(String room) {
    return rooms.presence(room);
  }

  @Override
  public SocketStats stats() {
    return new SocketStats(
        (int) connections.values().stream().filter(RuntimeConnection::isOpen).count(),
        rooms.names().size(),
        rooms.memberships(),
        delivery.dropped().sum(),
        delivery.slowConsumerCloses().sum(),
        delivery.refused().sum(),
        delivery.heartbeatTimeouts().sum());
  }

  /**
   * Delivers text published by another server: to this server's members of the room ({@code room ==
   * null}: every connection), except one.
   */
  void deliver(String room, String text, String excludeConnectionId) {
    if (room == null) {
      deliverAll(text, excludeConnectionId);
    } else {
      rooms.deliver(room, text, excludeConnectionId);
    }
  }

  private int deliverAll(String text, String excludeConnectionId) {
    return queueToAll(connections.values(), text, excludeConnectionId);
  }

  /**
   * Queues encoded text to each of {@code members} but one, and counts the deliveries in one
   * observer call; returns how many.
   */
  int queueToAll(Iterable<RuntimeConnection> members, String text, String excludeConnectionId) {
    int n = 0;
    for (RuntimeConnection c : members) {
      if ((excludeConnectionId == null || !c.id().equals(excludeConnectionId))
          && c.queueText(text)) {
        n++;
      }
    }
    if (n > 0) {
      observer().sent(name(), n);
    }
    return n;
  }

  /** The recovery of a {@link Recoverable} socket, or null. */
  Recovery recovery() {
    return recovery;
  }

  Rooms roomIndex() {
    return rooms;
  }

  /** The socket's budget of WARN lines about drops and abuse. */
  ThrottledLog warnings() {
    return warnings;
  }

  DeliveryStats delivery() {
    return delivery;
  }

  /** The validated model. */
  public ControllerModel model() {
    return model;
  }

  /** Whether the origin header (possibly null) is allowed by the socket. */
  public boolean allowsOrigin(String origin) {
    return protection.allowsOrigin(origin);
  }

  /** The door, quotas, rate limit, guards, middleware and counters of this socket. */
  public SocketProtection protection() {
    return protection;
  }

  /** The codec of this socket. */
  public EnvelopeCodec codec() {
    return codec;
  }

  Object controller() {
    return controller;
  }

  /**
   * A new connection: converts path parameters, runs connect guards, announces the connection,
   * calls {@code @OnConnect} and joins the path room. A refusal closes the connection with the
   * fault's close code.
   */
  public RuntimeConnection open(Transport transport, HandshakeInfo handshake) {
    RuntimeConnection conn = new RuntimeConnection(this, transport, handshake, clock.instant());
    try {
      model
          .pathParamTypes()
          .forEach((name, types) -> types.forEach(t -> conn.typedPathParam(name, t)));
      protection.connect(conn);
      conn.sendText(codec.control(MessageType.SYSTEM, "connected", null, announcement(conn)));
      if (model.onConnect().isPresent()) {
        Invoker.call(controller, model.onConnect().get(), new Invocation(conn, null, null, null));
      }
    } catch (SocketFault f) {
      CloseStatus refused =
          new CloseStatus(f.closeCode(), RuntimeConnection.truncateReason(f.getMessage()));
      conn.close(refused, false);
      protection.disconnect(conn, refused); // the container may report the close before we know it
      return conn;
    } catch (Throwable t) {
      LOG.log(Level.SEVERE, Messages.lifecycleFailed("@OnConnect", name(), conn.id()), t);
      conn.close(CloseStatus.INTERNAL_ERROR, false);
      protection.disconnect(conn, CloseStatus.INTERNAL_ERROR);
      return conn;
    }
    conn.connectHandled();
    connections.put(conn.id(), conn);
    if (!conn.markOpen() && !conn.isOpen()) {
      connections.remove(conn.id());
      return conn;
    }
    observer.opened(name());
    ConnectionLog.opened(conn, name());
    adapterCall(() -> adapter.connected(name(), conn.id()));
    model.rooms().joinPathRoom().ifPresent(param -> joinPathRoom(conn, param));
    return conn;
  }

  private void adapterCall(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, Messages.adapterFailed("connection registry", name(), null, e), e);
    }
  }

  /**
   * An administrator purged a room: this server's members get {@code room.purged}, then leave the
   * room (and get {@code room.left}). Returns how many.
   */
  int purge(String room, String reason) {
    List<RuntimeConnection> members = rooms.localMembers(room);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("room", room);
    payload.put("reason", reason == null ? "" : reason);
    String text = codec.encode(Envelope.event(StandardEvents.ROOM_PURGED, payload));
    int n = 0;
    for (RuntimeConnection c : members) {
      c.sendText(text);
      if (rooms.leaveByServer(c, room)) {
        n++;
      }
    }
    return n;
  }

  /** Closes this server's connection with this id (an admin kick); false if it is not here. */
  boolean kick(String connectionId, int code, String reason) {
    RuntimeConnection c = connections.get(connectionId);
    if (c == null || !c.isOpen()) {
      return false;
    }
    c.close(code, reason);
    return true;
  }

  /** The automatic join of the path room; a refusal closes the connection like a connect guard. */
  private void joinPathRoom(RuntimeConnection conn, String param) {
    String room = conn.pathParams().get(param);
    try {
      Optional<String> bad = RoomNames.problem(room);
      if (bad.isPresent()) {
        throw new SocketFault(
            FaultCode.WS_HANDSHAKE_FAILED,
            FaultCode.WS_HANDSHAKE_FAILED.defaultMessage()
                + ": path parameter '"
                + param
                + "' is not a valid room name");
      }
      runJoinGuards(conn, null, room);
      rooms.join(conn, room, Rooms.Origin.SERVER);
    } catch (SocketFault f) {
      refuseAfterConnect(
          conn, new CloseStatus(f.closeCode(), RuntimeConnection.truncateReason(f.getMessage())));
    } catch (Throwable t) {
      LOG.log(Level.SEVERE, Messages.lifecycleFailed("JOIN guard", name(), conn.id()), t);
      refuseAfterConnect(conn, CloseStatus.INTERNAL_ERROR);
    }
  }

  /**
   * Closes a connection refused while the container is still opening it, and ends it here: a
   * container may report that close before the glue knows the connection (both Liberty and Payara
   * did), so waiting for its report would leave the connection listed.
   */
  private void refuseAfterConnect(RuntimeConnection conn, CloseStatus status) {
    conn.close(status, false);
    closed(conn, status);
  }

  /**
   * Handles one decoded frame: control messages at once, the others through the connection's
   * inbound queue (in order, one at a time, unless the socket is concurrent).
   */
  public void frame(RuntimeConnection conn, Frame frame) {
    conn.touch(clock.millis());
    if (!protection.admit(conn, frame, f -> dispatcher.refuse(conn, frame, f))) {
      return; // over the rate limit: answered, not handled
    }
    if (frame instanceof Frame.Message m && m.envelope().type() == MessageType.CONTROL) {
      dispatcher.control(conn, m.envelope());
      return;
    }
    if (!conn.inbound().submit(() -> dispatcher.dispatch(conn, frame))) {
      dispatcher.refuseBusy(conn, frame);
    }
  }

  /** Records activity (a pong, for instance). */
  public void activity(RuntimeConnection conn) {
    conn.touch(clock.millis());
  }

  /**
   * The connection ended, for whatever reason: its streaming replies stop, {@code @OnDisconnect}
   * runs exactly once (for connections whose {@code @OnConnect} completed), then the connection
   * leaves its rooms.
   */
  public void closed(RuntimeConnection conn, CloseStatus reported) {
    conn.close(reported, true);
    if (!conn.markClosed()) {
      return;
    }
    connections.remove(conn.id());
    adapterCall(() -> adapter.disconnected(name(), conn.id()));
    conn.abortStreams();
    CloseStatus status = conn.requestedClose().filter(s -> s != reported).orElse(reported);
    protection.disconnect(conn, status);
    if (conn.wasConnectHandled()) {
      long millis = clock.millis() - conn.connectedAt().toEpochMilli();
      observer.closed(name(), status.code(), millis);
      ConnectionLog.closed(conn, name(), status, millis);
    }
    try {
      if (!conn.wasConnectHandled() || model.onDisconnect().isEmpty()) {
        return;
      }
      try {
        Invoker.call(
            controller, model.onDisconnect().get(), new Invocation(conn, null, null, status));
      } catch (Throwable t) {
        LOG.log(Level.WARNING, Messages.lifecycleFailed("@OnDisconnect", name(), conn.id()), t);
      }
    } finally {
      // after @OnDisconnect, which may still read conn.rooms()
      rooms.leaveAll(conn, Rooms.Origin.DISCONNECT);
    }
  }

  /**
   * Runs the guards and role checks of a stage (see {@link GuardChain}); a {@code false} or a fault
   * denies.
   */
  void runGuards(RuntimeConnection conn, Guard.Stage stage, Envelope envelope) throws Throwable {
    protection.guards(conn, stage, envelope, null);
  }

  /** Runs the {@code JOIN}-stage guards for a room; a {@code false} or a fault denies. */
  void runJoinGuards(RuntimeConnection conn, Envelope envelope, String room) throws Throwable {
    protection.guards(conn, Guard.Stage.JOIN, envelope, room);
  }

  /**
   * How long a connection must have been quiet both ways (nothing received, no write completed)
   * before a heartbeat pings it; at most half the heartbeat timeout.
   */
  static final long QUIET_BEFORE_PING_MILLIS = 1_000;

  /**
   * Closes connections silent for longer than interval + timeout (nothing received from them and no
   * write to them completed: a client taking a steady stream of events is alive), pings those quiet
   * both ways for {@link #QUIET_BEFORE_PING_MILLIS}, and drops those whose close has been stuck for
   * longer than the timeout (a client that stopped reading). Does nothing when the socket's
   * heartbeat interval is 0 (heartbeats off).
   */
  void heartbeat() {
    if (model.limits().heartbeatIntervalSeconds() <= 0) {
      return;
    }
    long now = clock.millis();
    long limit =
        (model.limits().heartbeatIntervalSeconds() + model.limits().heartbeatTimeoutSeconds())
            * 1000L;
    long grace = model.limits().heartbeatTimeoutSeconds() * 1000L;
    long quiet = Math.min(QUIET_BEFORE_PING_MILLIS, grace / 2);
    for (RuntimeConnection c : connections.values()) {
      if (c.stuckClosing(now, grace)) {
        warnings.warn(LOG, Messages.closeStuck(c.id(), model.limits().heartbeatTimeoutSeconds()));
        c.abort();
        closed(c, c.requestedClose().orElse(CloseStatus.GOING_AWAY));
      } else if (!c.isOpen()) {
        continue;
      } else if (now - c.lastActivity() > limit) {
        delivery.heartbeatTimeouts().increment();
        warnings.warn(LOG, Messages.heartbeatTimeout(c.id(), name(), now - c.lastActivity()));
        c.close(new CloseStatus(1001, "heartbeat timeout"), true);
      } else if (now - c.lastActivity() >= quiet) {
        // only a connection quiet both ways needs the proof of life a pong gives; a ping also
        // never goes out right behind a write the container has just completed
        c.ping();
      }
    }
  }

  long millis() {
    return clock.millis();
  }

  /** Closes every connection with 1001 and runs their disconnect handlers. */
  void shutdown() {
    for (RuntimeConnection c : connections.values()) {
      c.close(CloseStatus.GOING_AWAY, true);
      closed(c, CloseStatus.GOING_AWAY);
    }
  }

  private Map<String, Object> announcement(RuntimeConnection conn) {
    SocketLimits l = model.limits();
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("maxMessageSize", l.maxMessageSize());
    limits.put("messageRateLimit", l.messageRateLimit());
    limits.put("heartbeatInterval", l.heartbeatIntervalSeconds());
    limits.put("heartbeatTimeout", l.heartbeatTimeoutSeconds());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("connectionId", conn.id());
    p.put("namespace", name());
    p.put("limits", limits);
    p.put("events", model.inboundEvents());
    return p;
  }

  int size() {
    return connections.size();
  }

  /** Messages waiting in the outbound queues of this socket's connections. */
  public int queuedMessages() {
    int n = 0;
    for (RuntimeConnection c : connections.values()) {
      n += c.outbox().depth();
    }
    return n;
  }

  /**
   * Sends this socket's operational events to {@code o} (metrics); failures in it are contained.
   */
  public void observe(SocketObserver o) {
    observer = o == null ? SocketObserver.NONE : new SafeObserver(o);
  }

  SocketObserver observer() {
    return observer;
  }

  /** The event name as a metrics tag: a declared or built-in event, else {@code (unknown)}. */
  String eventTag(String event) {
    if (event == null) {
      return SafeObserver.UNKNOWN;
    }
    if (model.events().containsKey(event)) {
      return event;
    }
    return switch (event) {
      case io.aquilia.sockets.StandardEvents.ROOM_JOIN,
              io.aquilia.sockets.StandardEvents.ROOM_LEAVE,
              io.aquilia.sockets.StandardEvents.PRESENCE_LIST,
              io.aquilia.sockets.StandardEvents.CANCEL,
              "ping",
              "pong" ->
          event;
      default -> SafeObserver.UNKNOWN;
    };
  }
}
