package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.SocketFault;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The runtime's {@link Connection}: one atomic lifecycle state, a bounded outbox, an inbound queue,
 * the handshake data, its rooms and presence, and its running streaming replies.
 */
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
  private final java.util.concurrent.atomic.LongAdder received =
      new java.util.concurrent.atomic.LongAdder();
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private final Map<String, Object> typedParams;
  private final AtomicReference<State> state = new AtomicReference<>(State.OPENING);
  private final InboundQueue inbound;
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private final Map<String, StreamReply> streams = new ConcurrentHashMap<>();
  private final AtomicLong anonymousStreams = new AtomicLong();
  private final Object laneLock = new Object();
  private CompletableFuture<?> lane =
      CompletableFuture.completedFuture(null); // guarded by laneLock
  private volatile String presenceKey;
  private volatile String presenceMetaJson;
  private volatile CloseStatus requestedClose;
  private volatile long closingSince = -1;
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
            () -> {
              socket.delivery().slowConsumerCloses().increment();
              close(CloseStatus.SLOW_CONSUMER, true);
            },
            socket.delivery().dropped(),
            socket.warnings(),
            () -> lastActivity = socket.millis());
    this.inbound = new InboundQueue(limits.inboundProcessing(), limits.inboundQueueSize());
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
  public boolean isUserInRole(String role) {
    Admission a = handshake.admission();
    return a != null && a.roles().contains(role);
  }

  @Override
  public Optional<String> remoteAddress() {
    Admission a = handshake.admission();
    return Optional.ofNullable(a == null ? null : a.remoteAddress());
  }

  /** What the door decided for this connection, or null when no door ran. */
  Admission admission() {
    return handshake.admission();
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

  /** Queues pre-encoded text and counts it in the metrics. */
  boolean sendText(String text) {
    if (queueText(text)) {
      socket.observer().sent(socket.name(), 1);
      return true;
    }
    return false;
  }

  /**
   * Queues pre-encoded text without telling the observer: broadcasts encode once, queue to every
   * member, and count them all in one call.
   */
  boolean queueText(String text) {
    // no state check: the outbox refuses text from the moment the connection starts closing, and a
    // broadcast touches as few of each member's objects as it can (fan-out profile)
    return outbox.offer(text);
  }

  /** Counts an inbound message (for the disconnect log line). */
  void countReceived() {
    received.increment();
  }

  /** Inbound messages so far. */
  long receivedCount() {
    return received.sum();
  }

  /** Outbound messages queued so far. */
  long sentCount() {
    return outbox.accepted();
  }

  @Override
  public void close(int code, String reason) {
    close(new CloseStatus(code, truncateReason(reason)), false);
  }

  @Override
  public boolean join(String room) {
    RoomNames.require(room);
    return isOpen() && socket.roomIndex().joinByServer(this, room);
  }

  @Override
  public boolean leave(String room) {
    return room != null && socket.roomIndex().leaveByServer(this, room);
  }

  @Override
  public int leaveAll() {
    return socket.roomIndex().leaveAll(this, Rooms.Origin.SERVER);
  }

  @Override
  public Set<String> rooms() {
    return Set.copyOf(rooms);
  }

  @Override
  public String presenceKey() {
    String key = presenceKey;
    if (key != null) {
      return key;
    }
    Principal p = handshake.principal();
    return p != null && p.getName() != null && !p.getName().isBlank() ? p.getName() : id;
  }

  @Override
  public void setPresenceKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a presence key must not be null or blank");
    }
    if (!rooms.isEmpty()) {
      throw new IllegalStateException(
          "the presence key cannot change while the connection is in a room: " + rooms);
    }
    presenceKey = key;
  }

  @Override
  public JsonValue presenceMeta() {
    return Rooms.parse(presenceMetaJson);
  }

  @Override
  public void setPresenceMeta(Object meta) {
    presenceMetaJson =
        meta == null || meta == JsonValue.NULL
            ? null
            : meta instanceof JsonValue v ? v.toString() : socket.codec().jsonb().toJson(meta);
    socket.roomIndex().metaChanged(this);
  }

  /** The presence metadata as JSON text, or null. */
  String presenceMetaJson() {
    return presenceMetaJson;
  }

  /** Records a room; false if already in it. */
  boolean addRoom(String room) {
    return rooms.add(room);
  }

  /** Forgets a room; false if not in it (so only one caller removes it). */
  boolean removeRoom(String room) {
    return rooms.remove(room);
  }

  /**
   * Runs an adapter operation after the connection's previous one has completed (whatever its
   * outcome), so that its joins and leaves reach the adapter in order. Never blocks: the operation
   * starts on this thread if the lane is free, else on the thread that frees it.
   */
  <T> CompletableFuture<T> lane(Supplier<? extends CompletionStage<T>> operation) {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    CompletableFuture<T> result = gate.thenCompose(x -> operation.get());
    CompletableFuture<?> previous;
    synchronized (laneLock) {
      previous = lane;
      lane = result.handle((r, f) -> null);
    }
    previous.whenComplete((r, f) -> gate.complete(null));
    return result;
  }

  /** The connection's inbound message queue. */
  InboundQueue inbound() {
    return inbound;
  }

  /**
   * Registers a running streaming reply; returns the refusal if the connection has {@code max}
   * already, or one with the same key.
   */
  SocketFault streamStarted(String key, StreamReply reply, int max) {
    if (streams.containsKey(key)) {
      return StreamReply.refusal(true, max);
    }
    if (streams.size() >= max) {
      return StreamReply.refusal(false, max);
    }
    return streams.putIfAbsent(key, reply) == null ? null : StreamReply.refusal(true, max);
  }

  void streamEnded(String key, StreamReply reply) {
    streams.remove(key, reply);
  }

  /** Cancels the streaming reply to the message with this id (as JSON text); false if none. */
  boolean cancelStream(String key) {
    StreamReply r = streams.get(key);
    if (r == null) {
      return false;
    }
    r.cancel();
    return true;
  }

  /** Stops every running streaming reply without sending anything. */
  void abortStreams() {
    List.copyOf(streams.values()).forEach(StreamReply::abort);
  }

  /** A key for a streaming reply to a message without id (it cannot be cancelled). */
  String anonymousStreamKey() {
    return "#" + anonymousStreams.incrementAndGet();
  }

  /** Starts closing: a close frame is queued behind what is queued (or replaces it). */
  void close(CloseStatus status, boolean immediate) {
    State s = state.get();
    while (s == State.OPENING || s == State.OPEN) {
      if (state.compareAndSet(s, State.CLOSING)) {
        requestedClose = status;
        closingSince = socket.millis();
        outbox.close(status, immediate);
        return;
      }
      s = state.get();
    }
  }

  /**
   * Whether the connection has been closing for more than {@code graceMillis}: its close frame is
   * stuck behind a write the client does not read.
   */
  boolean stuckClosing(long nowMillis, long graceMillis) {
    long since = closingSince;
    return state.get() == State.CLOSING && since >= 0 && nowMillis - since > graceMillis;
  }

  /** Closes the transport without waiting for the write in flight. */
  void abort() {
    outbox.abort(requestedClose().orElse(CloseStatus.GOING_AWAY));
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
