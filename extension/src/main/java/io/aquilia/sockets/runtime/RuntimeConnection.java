package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.SocketFault;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The runtime's {@link Connection}: one atomic state, a bounded outbox, the handshake data. */
public final class RuntimeConnection implements Connection {

  /** Lifecycle states; transitions only forward, by compare-and-set. */
  enum State {
    OPENING,
    OPEN,
    CLOSING,
    CLOSED
  }

  private final String id = UUID.randomUUID().toString();
  private final LiveSocket socket;
  private final HandshakeInfo handshake;
  private final Outbox outbox;
  private final Instant connectedAt;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private final Map<String, Object> typedParams;
  private final AtomicReference<State> state = new AtomicReference<>(State.OPENING);
  private volatile CloseStatus requestedClose;
  private volatile boolean connectHandled;
  private volatile long lastActivity;

  RuntimeConnection(LiveSocket socket, Transport transport, HandshakeInfo handshake, Instant now) {
    this.socket = socket;
    this.handshake = handshake;
    this.connectedAt = now;
    this.lastActivity = now.toEpochMilli();
    // converted path parameters; none to keep (and no map) for a path without parameters
    this.typedParams =
        socket.model().pathParamTypes().isEmpty() ? Map.of() : new ConcurrentHashMap<>();
    SocketLimits limits = socket.model().limits();
    this.outbox =
        new Outbox(
            id,
            transport,
            limits.outboundQueueSize(),
            limits.overflowPolicy(),
            () -> close(CloseStatus.SLOW_CONSUMER, true));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String namespace() {
    return socket.name();
  }

  @Override
  public String path() {
    return handshake.path();
  }

  @Override
  public Map<String, String> pathParams() {
    return handshake.pathParams();
  }

  @Override
  public Map<String, List<String>> queryParams() {
    return handshake.queryParams();
  }

  @Override
  public Optional<String> header(String name) {
    List<String> values = handshake.headers().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public Optional<Principal> principal() {
    return Optional.ofNullable(handshake.principal());
  }

  @Override
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public Instant connectedAt() {
    return connectedAt;
  }

  @Override
  public boolean isOpen() {
    State s = state.get();
    return s == State.OPEN || s == State.OPENING;
  }

  @Override
  public boolean send(String event, Object payload) {
    return send(Envelope.event(event, payload));
  }

  @Override
  public boolean send(Envelope envelope) {
    return sendText(socket.codec().encode(envelope));
  }

  /** Queues pre-encoded text (used by broadcasts, which encode once). */
  boolean sendText(String text) {
    return isOpen() && outbox.offer(text);
  }

  @Override
  public void close(int code, String reason) {
    close(new CloseStatus(code, truncateReason(reason)), false);
  }

  /** Starts closing: a close frame is queued behind what is queued (or replaces it). */
  void close(CloseStatus status, boolean immediate) {
    State s = state.get();
    while (s == State.OPENING || s == State.OPEN) {
      if (state.compareAndSet(s, State.CLOSING)) {
        requestedClose = status;
        outbox.close(status, immediate);
        return;
      }
      s = state.get();
    }
  }

  /** Marks the connection open (after guards and {@code @OnConnect}). */
  boolean markOpen() {
    return state.compareAndSet(State.OPENING, State.OPEN);
  }

  /**
   * Marks the connection closed; true only for the first caller, so disconnect handling runs once.
   */
  boolean markClosed() {
    return state.getAndSet(State.CLOSED) != State.CLOSED;
  }

  /** The close the server asked for, if any (it wins over what the container reports). */
  Optional<CloseStatus> requestedClose() {
    return Optional.ofNullable(requestedClose);
  }

  void connectHandled() {
    connectHandled = true;
  }

  boolean wasConnectHandled() {
    return connectHandled;
  }

  void touch(long nowMillis) {
    lastActivity = nowMillis;
  }

  long lastActivity() {
    return lastActivity;
  }

  void ping() {
    if (state.get() == State.OPEN) {
      outbox.ping();
    }
  }

  Outbox outbox() {
    return outbox;
  }

  LiveSocket socket() {
    return socket;
  }

  /** A path parameter converted to {@code type}; converted values are cached. */
  Object typedPathParam(String name, Class<?> type) {
    String key = name + '\u0000' + type.getName();
    Object v = typedParams.get(key);
    if (v == null) {
      String raw = handshake.pathParams().get(name);
      try {
        v = ValueConverter.forType(type).orElseThrow().apply(raw);
      } catch (RuntimeException e) {
        throw new SocketFault(
            io.aquilia.sockets.FaultCode.WS_HANDSHAKE_FAILED,
            "WebSocket handshake failed: path parameter '"
                + name
                + "' is not a valid "
                + type.getSimpleName());
      }
      typedParams.put(key, v);
    }
    return v;
  }

  /** Cuts a close reason to at most 123 bytes of UTF-8 without splitting a character. */
  static String truncateReason(String reason) {
    if (reason == null) {
      return "";
    }
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 123) {
      return reason;
    }
    int end = reason.length();
    while (reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length > 123) {
      end--;
      if (end > 0 && Character.isLowSurrogate(reason.charAt(end))) {
        end--;
      }
    }
    return reason.substring(0, end);
  }
}
