package io.aquilia.sockets.tck.support;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;

/**
 * A small WebSocket test client (Tyrus standalone client) that records everything it receives.
 *
 * <pre>{@code
 * try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/echo"))) {
 *   ws.awaitSystem("connected");
 *   ws.sendEvent("1", "echo", "{\"text\":\"hi\"}");
 *   JsonObject ack = ws.awaitAck("1");
 *   assertThat(ack.getJsonObject("payload").getString("status")).isEqualTo("ok");
 * }
 * }</pre>
 *
 * <p>Every text frame is kept, in arrival order. The {@code await*} methods wait (Awaitility, no
 * fixed sleeps) for the <em>first not yet consumed</em> frame matching a predicate, mark it
 * consumed and return it; so two calls with the same predicate return two different frames, and
 * frames that arrived before the call are found too. {@link #messages()} returns all frames,
 * consumed or not.
 *
 * <p>Options such as headers ({@code Origin}, {@code Cookie}, ...) and subprotocols go through
 * {@link #to(URI)}: {@code WsClient.to(uri).origin("https://evil.example").connect()}. A handshake
 * the server refuses can be checked with {@link Builder#rejectedStatus()}.
 */
public final class WsClient implements AutoCloseable {

  /** Default wait of the {@code await*} methods. Generous: CI machines are slow. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Duration POLL = Duration.ofMillis(10);
  private static final AtomicLong IDS = new AtomicLong();

  /** One client container for all connections of the JVM (it owns threads). */
  private static final ClientManager CLIENT = createClient();

  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private final List<byte[]> binary = new CopyOnWriteArrayList<>();
  private final List<byte[]> pongs = new CopyOnWriteArrayList<>();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final CompletableFuture<CloseReason> closeReason = new CompletableFuture<>();
  private final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
  private final URI uri;
  private volatile Session session;

  /** A received text frame; its JSON object is parsed once, on first use (null if not one). */
  private static final class Frame {
    private static final Object NOT_AN_OBJECT = new Object();
    private final String text;
    private final AtomicBoolean consumed = new AtomicBoolean();
    private volatile Object json;

    Frame(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }

    AtomicBoolean consumed() {
      return consumed;
    }

    JsonObject json() {
      Object j = json;
      if (j == null) {
        try {
          j = parseObject(text);
        } catch (RuntimeException notAnObject) {
          j = NOT_AN_OBJECT;
        }
        json = j;
      }
      return j instanceof JsonObject o ? o : null;
    }
  }

  private WsClient(URI uri) {
    this.uri = uri;
  }

  private static ClientManager createClient() {
    ClientManager client = ClientManager.createClient();
    client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 15_000);
    return client;
  }

  // ---------------------------------------------------------------- connecting

  /**
   * {@code ws://host:port/context/path} for an Arquillian {@code @ArquillianResource URL base}
   * ({@code http://host:port/context/}) and a socket path such as {@code /ws/echo}.
   */
  public static URI wsUri(URL base, String path) {
    // Test traffic stays on loopback: Payara Micro reports the machine's interface address, but
    // listens on every interface, so 127.0.0.1 reaches both servers.
    String b =
        base.toExternalForm()
            .replaceFirst("^http", "ws")
            .replaceFirst("^(wss?://)[^/:]+", "$1127.0.0.1");
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + (path.startsWith("/") ? path : "/" + path));
  }

  /** Connects with no extra headers; fails if the handshake does not succeed. */
  public static WsClient connect(URI uri) {
    return to(uri).connect();
  }

  /** Starts a connection with options (headers, subprotocols). */
  public static Builder to(URI uri) {
    return new Builder(uri);
  }

  /** Options of a connection; end with {@link #connect()} or {@link #rejectedStatus()}. */
  public static final class Builder {
    private final URI uri;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final List<String> subprotocols = new ArrayList<>();

    private Builder(URI uri) {
      this.uri = uri;
    }

    /** Sets a handshake request header (replacing any value the client would send). */
    public Builder header(String name, String value) {
      headers.put(name, List.of(value));
      return this;
    }

    /** Sets the {@code Origin} header. */
    public Builder origin(String origin) {
      return header("Origin", origin);
    }

    /** Offers subprotocols ({@code Sec-WebSocket-Protocol}), in order of preference. */
    public Builder subprotocols(String... protocols) {
      subprotocols.addAll(List.of(protocols));
      return this;
    }

    /** Opens the connection; throws {@link IllegalStateException} if the handshake fails. */
    public WsClient connect() {
      try {
        return open();
      } catch (DeploymentException | IOException e) {
        throw new IllegalStateException("WebSocket handshake to " + uri + " failed: " + e, e);
      }
    }

    /**
     * Expects the server to refuse the handshake and returns the HTTP status it answered with (e.g.
     * 403, 404). Fails if the connection opens.
     */
    public int rejectedStatus() {
      WsClient opened;
      try {
        opened = open();
      } catch (DeploymentHandshakeException e) {
        return e.getHttpStatusCode();
      } catch (DeploymentException | IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof org.glassfish.tyrus.core.HandshakeException he) {
            return he.getHttpStatusCode();
          }
        }
        throw new AssertionError("Handshake failed without an HTTP status: " + e, e);
      }
      opened.close();
      throw new AssertionError("Expected the handshake to " + uri + " to be rejected, it opened");
    }

    private WsClient open() throws DeploymentException, IOException {
      WsClient client = new WsClient(uri);
      ClientEndpointConfig config =
          ClientEndpointConfig.Builder.create()
              .preferredSubprotocols(subprotocols)
              .configurator(
                  new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                      request.putAll(headers);
                    }

                    @Override
                    public void afterResponse(HandshakeResponse response) {
                      synchronized (client.responseHeaders) {
                        client.responseHeaders.putAll(response.getHeaders());
                      }
                    }
                  })
              .build();
      client.session = CLIENT.connectToServer(client.new Listener(), config, uri);
      return client;
    }
  }

  private final class Listener extends Endpoint {
    @Override
    public void onOpen(Session s, EndpointConfig config) {
      s.addMessageHandler(
          String.class, (MessageHandler.Whole<String>) text -> frames.add(new Frame(text)));
      s.addMessageHandler(
          ByteBuffer.class,
          (MessageHandler.Whole<ByteBuffer>)
              buf -> {
                byte[] bytes = new byte[buf.remaining()];
                buf.get(bytes);
                binary.add(bytes);
              });
      s.addMessageHandler(
          PongMessage.class,
          (MessageHandler.Whole<PongMessage>)
              pong -> {
                ByteBuffer buf = pong.getApplicationData();
                byte[] bytes = new byte[buf.remaining()];
                buf.get(bytes);
                pongs.add(bytes);
              });
    }

    @Override
    public void onClose(Session s, CloseReason reason) {
      closeReason.complete(reason);
    }

    @Override
    public void onError(Session s, Throwable error) {
      errors.add(error);
    }
  }

  // ---------------------------------------------------------------- sending

  /** Sends a text frame (blocking until written). */
  public WsClient send(String text) {
    try {
      synchronized (this) {
        session.getBasicRemote().sendText(text);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("send failed on " + uri, e);
    }
  }

  /** Sends a JSON object as a text frame. */
  public WsClient send(JsonObject json) {
    return send(json.toString());
  }

  /** Sends a binary frame. */
  public WsClient sendBinary(byte[] data) {
    try {
      synchronized (this) {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(data));
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("sendBinary failed on " + uri, e);
    }
  }

  /** Sends a ping; the pong's data shows up in {@link #pongs()}. */
  public WsClient sendPing(byte[] data) {
    try {
      synchronized (this) {
        session.getBasicRemote().sendPing(ByteBuffer.wrap(data));
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("sendPing failed on " + uri, e);
    }
  }

  /**
   * Sends the envelope {@code {"id":id,"event":event,"payload":payloadJson}}; {@code payloadJson}
   * is raw JSON ({@code "{\"text\":\"hi\"}"}, {@code "42"}, {@code "null"}).
   */
  public WsClient sendEvent(String id, String event, String payloadJson) {
    return send(envelope(id, event, parse(payloadJson)));
  }

  /**
   * Sends {@code room.recover} for a room from a position and returns the successful answer's
   * {@code data} ({@code recovered}, {@code replayed}, {@code epoch}, {@code offset}); fails on an
   * error answer.
   */
  public JsonObject recover(String room, String epoch, long offset) {
    String id =
        sendEvent(
            "room.recover",
            Json.createObjectBuilder()
                .add("room", room)
                .add("epoch", epoch)
                .add("offset", offset)
                .build());
    JsonObject ack = awaitAck(id);
    JsonObject payload = ack.getJsonObject("payload");
    if (!"ok".equals(payload.getString("status", ""))) {
      throw new AssertionError("room.recover failed: " + ack);
    }
    return payload.getJsonObject("data");
  }

  /** Sends an event with a generated id and returns the id (for {@link #awaitAck(String)}). */
  public String sendEvent(String event, JsonValue payload) {
    String id = "c" + IDS.incrementAndGet();
    send(envelope(id, event, payload));
    return id;
  }

  /** {@code {"id":id,"event":event,"payload":payload}}; a null id or payload is left out. */
  public static JsonObject envelope(String id, String event, JsonValue payload) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (id != null) {
      b.add("id", id);
    }
    b.add("event", event);
    if (payload != null) {
      b.add("payload", payload);
    }
    return b.build();
  }

  // ---------------------------------------------------------------- receiving

  /**
   * Waits up to {@code timeout} for the first unconsumed text frame matching {@code predicate},
   * marks it consumed and returns it.
   */
  public String awaitMessage(Predicate<String> predicate, Duration timeout) {
    Optional<Frame> hit =
        await("a frame on " + uri + " matching the predicate; frames so far: " + messages())
            .atMost(timeout)
            .pollInterval(POLL)
            .pollInSameThread()
            .until(() -> take(predicate), Optional::isPresent);
    return hit.get().text();
  }

  /** {@link #awaitMessage(Predicate, Duration)} with the default {@link #TIMEOUT}. */
  public String awaitMessage(Predicate<String> predicate) {
    return awaitMessage(predicate, TIMEOUT);
  }

  /** Waits for the first unconsumed frame that is a JSON object matching {@code predicate}. */
  public JsonObject awaitJson(Predicate<JsonObject> predicate, Duration timeout) {
    Optional<Frame> hit =
        await("a JSON frame on " + uri + " matching the predicate; frames so far: " + messages())
            .atMost(timeout)
            .pollInterval(POLL)
            .pollInSameThread()
            .until(
                () -> takeFrame(f -> f.json() != null && predicate.test(f.json())),
                Optional::isPresent);
    return hit.get().json();
  }

  /** {@link #awaitJson(Predicate, Duration)} with the default {@link #TIMEOUT}. */
  public JsonObject awaitJson(Predicate<JsonObject> predicate) {
    return awaitJson(predicate, TIMEOUT);
  }

  /** Waits for the reply to the message with this id whose type is {@code "ack"}. */
  public JsonObject awaitAck(String id) {
    return awaitJson(j -> id.equals(str(j, "id")) && "ack".equals(str(j, "type")));
  }

  /** Waits for any frame carrying this id (an ack or an error). */
  public JsonObject awaitReply(String id) {
    return awaitJson(j -> id.equals(str(j, "id")));
  }

  /** Waits for {@code {"type":"system","event":event}}, e.g. {@code awaitSystem("connected")}. */
  public JsonObject awaitSystem(String event) {
    return awaitJson(j -> "system".equals(str(j, "type")) && event.equals(str(j, "event")));
  }

  /** Waits for a frame whose {@code "event"} equals {@code event} (any type). */
  public JsonObject awaitEvent(String event) {
    return awaitJson(j -> event.equals(str(j, "event")));
  }

  /**
   * Asserts that no unconsumed frame matching {@code predicate} arrives during {@code window}. This
   * necessarily waits the whole window: keep it short and use it only for negative checks.
   */
  public void assertNoMessage(Predicate<String> predicate, Duration window) {
    await("no frame on " + uri + " matching the predicate")
        .during(window)
        .atMost(window.plusSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> peek(predicate).isEmpty());
  }

  /** Waits until the server closed the connection and returns its close reason. */
  public CloseReason awaitClose(Duration timeout) {
    try {
      return closeReason.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Connection " + uri + " not closed within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Completes with the close code and reason when the connection closes (either side). */
  public CompletableFuture<CloseReason> closeReason() {
    return closeReason;
  }

  /**
   * All text frames received so far, in order, <em>including those already consumed</em> by an
   * {@code await*} call. For "has a new matching frame arrived?" use {@link #pending()} or {@link
   * #hasPending(Predicate)}.
   */
  public List<String> messages() {
    List<String> out = new ArrayList<>(frames.size());
    for (Frame f : frames) {
      out.add(f.text());
    }
    return out;
  }

  /** Every JSON frame received so far (consumed or not) whose {@code event} is {@code event}. */
  public List<JsonObject> events(String event) {
    List<JsonObject> out = new ArrayList<>();
    for (Frame f : frames) {
      JsonObject j = f.json();
      if (j != null && event.equals(str(j, "event"))) {
        out.add(j);
      }
    }
    return out;
  }

  /**
   * The text frames received so far that no {@code await*} call has consumed yet, in order. Use
   * this (not {@link #messages()}) in a custom wait for "a new frame matching ...".
   */
  public List<String> pending() {
    List<String> out = new ArrayList<>();
    for (Frame f : frames) {
      if (!f.consumed().get()) {
        out.add(f.text());
      }
    }
    return out;
  }

  /**
   * Whether an unconsumed frame matches {@code predicate} now (does not consume it, never waits).
   */
  public boolean hasPending(Predicate<String> predicate) {
    return peek(predicate).isPresent();
  }

  /** All binary frames received so far. */
  public List<byte[]> binaryMessages() {
    return List.copyOf(binary);
  }

  /** Application data of the pongs received so far. */
  public List<byte[]> pongs() {
    return List.copyOf(pongs);
  }

  /** Errors reported by the client endpoint ({@code onError}). */
  public List<Throwable> errors() {
    return List.copyOf(errors);
  }

  public boolean isOpen() {
    return session != null && session.isOpen();
  }

  /** The subprotocol the server selected, or "" if none. */
  public String subprotocol() {
    return session.getNegotiatedSubprotocol();
  }

  /** The headers of the server's handshake response. */
  public Map<String, List<String>> responseHeaders() {
    synchronized (responseHeaders) {
      return Map.copyOf(responseHeaders);
    }
  }

  /** The underlying session, for anything this class does not cover. */
  public Session session() {
    return session;
  }

  // ---------------------------------------------------------------- closing

  /** Closes with {@code code} and {@code reason} and waits for the close handshake to finish. */
  public void close(int code, String reason) {
    if (session == null) {
      return;
    }
    try {
      if (session.isOpen()) {
        session.close(
            new CloseReason(
                CloseReason.CloseCodes.getCloseCode(code), reason == null ? "" : reason));
      }
    } catch (IOException | IllegalStateException e) {
      // already closing
    }
    try {
      closeReason.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // the server did not answer the close frame; nothing more to do in a test client
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes normally (1000). */
  @Override
  public void close() {
    close(1000, "");
  }

  // ---------------------------------------------------------------- JSON helpers

  /** Parses any JSON text (object, array, string, number, literal). */
  public static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  /** Parses a JSON object. */
  public static JsonObject parseObject(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** {@code json.getString(key)} or null when absent or not a string. */
  public static String str(JsonObject json, String key) {
    JsonValue v = json.get(key);
    return v != null && v.getValueType() == JsonValue.ValueType.STRING ? json.getString(key) : null;
  }

  private Optional<Frame> peek(Predicate<String> predicate) {
    for (Frame f : frames) {
      if (!f.consumed().get() && predicate.test(f.text())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private Optional<Frame> take(Predicate<String> predicate) {
    return takeFrame(f -> predicate.test(f.text()));
  }

  private Optional<Frame> takeFrame(Predicate<Frame> predicate) {
    for (Frame f : frames) {
      if (!f.consumed().get() && predicate.test(f) && f.consumed().compareAndSet(false, true)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "WsClient[" + uri + ", open=" + isOpen() + "]";
  }
}
