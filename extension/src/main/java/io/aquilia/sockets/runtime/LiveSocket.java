package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.SocketNamespace;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A deployed socket: its model, its controller instance and its open connections. This is the entry
 * point the transport glue calls for open, frame and close.
 */
public final class LiveSocket implements SocketNamespace {

  private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());

  private final ControllerModel model;
  private final Object controller;
  private final EnvelopeCodec codec;
  private final Clock clock;
  private final Dispatcher dispatcher;
  private final OriginPolicy origins;
  private final Map<String, RuntimeConnection> connections = new ConcurrentHashMap<>();

  LiveSocket(
      ControllerModel model,
      Object controller,
      EnvelopeCodec codec,
      PayloadBinder binder,
      Clock clock) {
    this.model = model;
    this.controller = controller;
    this.codec = codec;
    this.clock = clock;
    this.dispatcher = new Dispatcher(this, binder);
    this.origins = new OriginPolicy(model.limits().allowedOrigins());
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
    return List.copyOf(connections.values());
  }

  @Override
  public Optional<Connection> connection(String id) {
    return Optional.ofNullable(connections.get(id));
  }

  @Override
  public int broadcast(String event, Object payload) {
    String text = codec.encode(Envelope.event(event, payload));
    int n = 0;
    for (RuntimeConnection c : connections.values()) {
      if (c.sendText(text)) {
        n++;
      }
    }
    return n;
  }

  /** The validated model. */
  public ControllerModel model() {
    return model;
  }

  /** Whether the origin header (possibly null) is allowed by the socket. */
  public boolean allowsOrigin(String origin) {
    return origins.allows(origin);
  }

  /** The codec of this socket. */
  public EnvelopeCodec codec() {
    return codec;
  }

  Object controller() {
    return controller;
  }

  /**
   * A new connection: converts path parameters, runs connect guards, announces the connection and
   * calls {@code @OnConnect}. A refusal closes the connection with the fault's close code.
   */
  public RuntimeConnection open(Transport transport, HandshakeInfo handshake) {
    RuntimeConnection conn = new RuntimeConnection(this, transport, handshake, clock.instant());
    try {
      model
          .pathParamTypes()
          .forEach((name, types) -> types.forEach(t -> conn.typedPathParam(name, t)));
      if (model.limits().maxConnections() > 0
          && connections.size() >= model.limits().maxConnections()) {
        throw new SocketFault(
            FaultCode.WS_QUOTA_EXCEEDED,
            FaultCode.WS_QUOTA_EXCEEDED.defaultMessage() + ": maxConnections reached");
      }
      runGuards(conn, Guard.Stage.CONNECT, null);
      conn.sendText(codec.control(MessageType.SYSTEM, "connected", null, announcement(conn)));
      if (model.onConnect().isPresent()) {
        Invoker.call(controller, model.onConnect().get(), new Invocation(conn, null, null, null));
      }
    } catch (SocketFault f) {
      conn.close(
          new CloseStatus(f.closeCode(), RuntimeConnection.truncateReason(f.getMessage())), false);
      return conn;
    } catch (Throwable t) {
      LOG.log(Level.SEVERE, Messages.lifecycleFailed("@OnConnect", name(), conn.id()), t);
      conn.close(CloseStatus.INTERNAL_ERROR, false);
      return conn;
    }
    conn.connectHandled();
    connections.put(conn.id(), conn);
    if (!conn.markOpen() && !conn.isOpen()) {
      connections.remove(conn.id());
    }
    return conn;
  }

  /** Handles one decoded frame. */
  public void frame(RuntimeConnection conn, Frame frame) {
    conn.touch(clock.millis());
    dispatcher.dispatch(conn, frame);
  }

  /** Records activity (a pong, for instance). */
  public void activity(RuntimeConnection conn) {
    conn.touch(clock.millis());
  }

  /**
   * The connection ended, for whatever reason; {@code @OnDisconnect} runs exactly once, for
   * connections whose {@code @OnConnect} completed.
   */
  public void closed(RuntimeConnection conn, CloseStatus reported) {
    conn.close(reported, true);
    if (!conn.markClosed()) {
      return;
    }
    connections.remove(conn.id());
    if (!conn.wasConnectHandled() || model.onDisconnect().isEmpty()) {
      return;
    }
    CloseStatus status = conn.requestedClose().filter(s -> s != reported).orElse(reported);
    try {
      Invoker.call(
          controller, model.onDisconnect().get(), new Invocation(conn, null, null, status));
    } catch (Throwable t) {
      LOG.log(Level.WARNING, Messages.lifecycleFailed("@OnDisconnect", name(), conn.id()), t);
    }
  }

  /** Runs the guards of a stage; a {@code false} or a fault denies. */
  void runGuards(RuntimeConnection conn, Guard.Stage stage, Envelope envelope) throws Throwable {
    for (HandlerModel g : model.guards()) {
      if (!g.stages().contains(stage)) {
        continue;
      }
      Object r = Invoker.call(controller, g, new Invocation(conn, envelope, null, null));
      if (Boolean.FALSE.equals(r)) {
        throw SocketFault.forbidden("denied by guard " + g.method().getName());
      }
    }
  }

  /**
   * Pings connections and closes those silent for longer than interval + timeout. Does nothing when
   * the socket's heartbeat interval is 0 (heartbeats off).
   */
  void heartbeat() {
    if (model.limits().heartbeatIntervalSeconds() <= 0) {
      return;
    }
    long now = clock.millis();
    long limit =
        (model.limits().heartbeatIntervalSeconds() + model.limits().heartbeatTimeoutSeconds())
            * 1000L;
    for (RuntimeConnection c : connections.values()) {
      if (now - c.lastActivity() > limit) {
        c.close(new CloseStatus(1001, "heartbeat timeout"), true);
      } else {
        c.ping();
      }
    }
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
    p.put("events", Set.copyOf(model.events().keySet()).stream().sorted().toList());
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
}
