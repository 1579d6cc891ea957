package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.OverflowPolicy;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.spi.NamespaceRegistry;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** LiveSocket and Dispatcher end to end, with a fake transport and a hand-moved clock. */
class LiveSocketTest {

  static final String PATH = "/ws/live/:room/:n/:id/:color";
  static final UUID ID = UUID.fromString("0b8f0b1e-7d5a-4c7e-9f43-2f1c9d7e6a10");

  public enum Color {
    RED,
    GREEN
  }

  public record Msg(@NotBlank String text, @Size(max = 3) String tag) {}

  @Socket(value = PATH, heartbeatInterval = 10, heartbeatTimeout = 5)
  public static class Live extends SocketController {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<CloseStatus> disconnects = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<Object> future = new CompletableFuture<>();

    @OnConnect
    public void open(
        Connection c,
        @PathParam("n") int n,
        @PathParam("id") UUID id,
        @PathParam("color") Color color) {
      calls.add("connect " + n + " " + id + " " + color);
      if (c.queryParam("deny").isPresent()) {
        throw SocketFault.forbidden("denied by test");
      }
      if (c.queryParam("crash").isPresent()) {
        throw new IllegalStateException("connect crashed");
      }
    }

    @OnDisconnect
    public void close(Connection c, CloseStatus status) {
      disconnects.add(status);
    }

    @Guard
    public boolean gate(Connection c) {
      calls.add("guard");
      return c.header("x-block").isEmpty();
    }

    @Guard(stages = Guard.Stage.EVENT)
    public boolean eventGate(Envelope e) {
      return !"secret".equals(e.event());
    }

    @AckEvent("echo")
    public String echo(String text) {
      return text;
    }

    @Event("plain")
    public void plain(JsonObject payload) {
      calls.add("plain " + payload);
    }

    @Event(value = "strict", ack = true)
    public String strict(String s) {
      return s;
    }

    @Event("validate")
    public String validate(Msg m) {
      return m.text();
    }

    @Event("boom")
    public void boom() {
      throw new IllegalStateException("secret-detail-123");
    }

    @Event("fault")
    public void fault() {
      throw new SocketFault("CHAT_LOCKED", "room locked", 4000, List.of());
    }

    @Event("later")
    public CompletableFuture<Object> later() {
      return future;
    }

    @Event("params")
    public String params(
        @PathParam("room") String room,
        @PathParam("n") int n,
        @PathParam("id") UUID id,
        @PathParam("color") Color color) {
      return room + "/" + (n + 1) + "/" + id + "/" + color.ordinal();
    }

    @Event("whoami")
    public String whoami(Principal p, Connection c) {
      return p.getName() + "@" + c.id();
    }

    @Event("secret")
    public String secret() {
      return "leaked";
    }
  }

  @Socket(
      value = "/ws/quiet",
      heartbeatInterval = 0,
      heartbeatTimeout = 5,
      maxConnections = 1,
      outboundQueueSize = 2,
      overflowPolicy = OverflowPolicy.CLOSE)
  public static class Quiet extends SocketController {}

  static Jsonb jsonb;
  static ValidatorFactory validation;

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  Live live;
  Quiet quiet;
  SocketRuntime runtime;
  LiveSocket socket;

  @BeforeAll
  static void setUpJson() {
    jsonb = JsonbBuilder.create();
    validation = Validation.buildDefaultValidatorFactory();
  }

  @AfterAll
  static void tearDownJson() throws Exception {
    jsonb.close();
    validation.close();
  }

  @BeforeEach
  void start() {
    live = new Live();
    quiet = new Quiet();
    DeploymentModel d = DeploymentModel.of(List.of(Live.class, Quiet.class));
    assertThat(d.problems().messages()).isEmpty();
    Validator validator = validation.getValidator();
    runtime =
        new SocketRuntime(
            d.models(), m -> m.type() == Live.class ? live : quiet, jsonb, validator, clock, false);
    socket = socket(Live.class);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  LiveSocket socket(Class<?> type) {
    return runtime.sockets().stream().filter(s -> s.model().type() == type).findFirst().get();
  }

  static HandshakeInfo handshake(
      Map<String, String> pathOverrides,
      Map<String, List<String>> query,
      Map<String, List<String>> headers) {
    Map<String, String> params = new HashMap<>();
    params.put("room", "lobby");
    params.put("n", "42");
    params.put("id", ID.toString());
    params.put("color", "GREEN");
    params.putAll(pathOverrides);
    Principal alice = () -> "alice";
    return new HandshakeInfo("/ws/live/lobby/42/x/GREEN", params, query, headers, alice);
  }

  RuntimeConnection open(FakeTransport t) {
    return socket.open(t, handshake(Map.of(), Map.of(), Map.of()));
  }

  void send(RuntimeConnection c, String text) {
    socket.frame(c, socket.codec().decode(text, 65536));
  }

  /** Sends a frame and returns the one reply it caused. */
  JsonObject call(FakeTransport t, RuntimeConnection c, String text) {
    int before = t.texts().size();
    send(c, text);
    assertThat(t.texts()).hasSize(before + 1);
    return t.lastJson();
  }

  static void assertAckOk(JsonObject o, String id, String event) {
    assertThat(o.getString("type")).isEqualTo("ack");
    assertThat(o.getString("id")).isEqualTo(id);
    assertThat(o.getString("event")).isEqualTo(event);
    assertThat(o.getJsonObject("payload").getString("status")).isEqualTo("ok");
  }

  static JsonObject assertAckError(JsonObject o, String id, String code) {
    assertThat(o.getString("type")).isEqualTo("ack");
    assertThat(o.getString("id")).isEqualTo(id);
    JsonObject p = o.getJsonObject("payload");
    assertThat(p.getString("status")).isEqualTo("error");
    assertThat(p.getString("code")).isEqualTo(code);
    return p;
  }

  static JsonObject assertErrorEvent(JsonObject o, String event, String code) {
    assertThat(o.getString("type")).isEqualTo("event");
    assertThat(o.getString("event")).isEqualTo("error");
    assertThat(o.isNull("id")).isTrue();
    JsonObject p = o.getJsonObject("payload");
    assertThat(p.getString("code")).isEqualTo(code);
    if (event != null) {
      assertThat(p.getString("event")).isEqualTo(event);
    }
    return p;
  }

  // ------------------------------------------------------------------ connect

  @Nested
  class Connect {

    @Test
    void connectedSystemMessageComesFirst() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c = open(t);
      assertThat(t.texts()).hasSize(1);
      JsonObject o = t.json().get(0);
      assertThat(o.getString("type")).isEqualTo("system");
      assertThat(o.getString("event")).isEqualTo("connected");
      JsonObject p = o.getJsonObject("payload");
      assertThat(p.getString("connectionId")).isEqualTo(c.id());
      assertThat(p.getString("namespace")).isEqualTo(PATH);
      JsonObject limits = p.getJsonObject("limits");
      assertThat(limits.getInt("maxMessageSize")).isEqualTo(65536);
      assertThat(limits.getInt("messageRateLimit")).isZero();
      assertThat(limits.getInt("heartbeatInterval")).isEqualTo(10);
      assertThat(limits.getInt("heartbeatTimeout")).isEqualTo(5);
      assertThat(p.getJsonArray("events").getValuesAs(jakarta.json.JsonString::getString))
          .containsExactly(
              "boom",
              "echo",
              "fault",
              "later",
              "params",
              "plain",
              "secret",
              "strict",
              "validate",
              "whoami");
      assertThat(c.isOpen()).isTrue();
      assertThat(socket.connections()).containsExactly(c);
      assertThat(live.calls).containsExactly("guard", "connect 42 " + ID + " GREEN");
    }

    @Test
    void pathParamThatDoesNotConvertClosesWith1008() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c = socket.open(t, handshake(Map.of("n", "forty"), Map.of(), Map.of()));
      assertThat(t.closeCode).isEqualTo(1008);
      assertThat(t.closeReason).contains("'n'").contains("int");
      assertThat(t.texts()).isEmpty();
      assertThat(c.isOpen()).isFalse();
      assertThat(socket.connections()).isEmpty();
      assertThat(live.calls).isEmpty();
      socket.closed(c, new CloseStatus(1008, ""));
      assertThat(live.disconnects).isEmpty();
    }

    @Test
    void badUuidAndBadEnumAlsoClose() {
      FakeTransport t1 = FakeTransport.synchronous();
      socket.open(t1, handshake(Map.of("id", "not-a-uuid"), Map.of(), Map.of()));
      assertThat(t1.closeCode).isEqualTo(1008);
      assertThat(t1.closeReason).contains("'id'").contains("UUID");
      FakeTransport t2 = FakeTransport.synchronous();
      socket.open(t2, handshake(Map.of("color", "PURPLE"), Map.of(), Map.of()));
      assertThat(t2.closeCode).isEqualTo(1008);
      assertThat(t2.closeReason).contains("'color'");
      assertThat(socket.connections()).isEmpty();
    }

    @Test
    void onConnectFaultClosesWith1008AndOnDisconnectDoesNotRun() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c =
          socket.open(t, handshake(Map.of(), Map.of("deny", List.of("1")), Map.of()));
      assertThat(t.closeCode).isEqualTo(1008);
      assertThat(t.closeReason).contains("denied by test");
      assertThat(c.isOpen()).isFalse();
      assertThat(socket.connections()).isEmpty();
      socket.closed(c, new CloseStatus(1008, "denied by test"));
      assertThat(live.disconnects).isEmpty();
      assertThat(c.send("x", 1)).isFalse();
    }

    @Test
    void onConnectCrashClosesWith1011() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c =
          socket.open(t, handshake(Map.of(), Map.of("crash", List.of("1")), Map.of()));
      assertThat(t.closeCode).isEqualTo(1011);
      assertThat(t.closeReason).doesNotContain("connect crashed");
      socket.closed(c, new CloseStatus(1011, ""));
      assertThat(live.disconnects).isEmpty();
    }

    @Test
    void guardReturningFalseAtConnectCloses1008() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c =
          socket.open(t, handshake(Map.of(), Map.of(), Map.of("X-Block", List.of("yes"))));
      assertThat(t.closeCode).isEqualTo(1008);
      assertThat(t.closeReason).contains("gate");
      assertThat(t.texts()).isEmpty();
      assertThat(live.calls).containsExactly("guard");
      assertThat(c.isOpen()).isFalse();
      assertThat(socket.connections()).isEmpty();
    }

    @Test
    void maxConnectionsRefusesTheNextOne() {
      LiveSocket q = socket(Quiet.class);
      FakeTransport t1 = FakeTransport.synchronous();
      FakeTransport t2 = FakeTransport.synchronous();
      q.open(t1, new HandshakeInfo("/ws/quiet", Map.of(), Map.of(), Map.of(), null));
      q.open(t2, new HandshakeInfo("/ws/quiet", Map.of(), Map.of(), Map.of(), null));
      assertThat(t1.closeCode).isNull();
      assertThat(t2.closeCode).isEqualTo(1008);
      assertThat(t2.closeReason).contains("maxConnections");
      assertThat(q.connections()).hasSize(1);
    }

    @Test
    void handshakeDataIsExposed() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c =
          socket.open(
              t,
              handshake(
                  Map.of(),
                  Map.of("q", List.of("1", "2")),
                  Map.of("Authorization", List.of("Bearer x"))));
      assertThat(c.pathParams()).containsEntry("room", "lobby");
      assertThat(c.queryParam("q")).contains("1");
      assertThat(c.queryParams().get("q")).containsExactly("1", "2");
      assertThat(c.header("authorization")).contains("Bearer x");
      assertThat(c.principal()).get().extracting(Principal::getName).isEqualTo("alice");
      assertThat(c.namespace()).isEqualTo(PATH);
      assertThat(c.connectedAt()).isEqualTo(clock.instant());
    }
  }

  // ------------------------------------------------------------------ messages

  @Nested
  class Frames {

    FakeTransport t;
    RuntimeConnection c;

    @BeforeEach
    void connect() {
      t = FakeTransport.synchronous();
      c = open(t);
    }

    @Test
    void ackCorrelatedById() {
      JsonObject o = call(t, c, "{\"id\":\"r1\",\"event\":\"echo\",\"payload\":\"hi\"}");
      assertAckOk(o, "r1", "echo");
      assertThat(o.getJsonObject("payload").getString("data")).isEqualTo("hi");
      JsonObject n = call(t, c, "{\"id\":17,\"event\":\"strict\",\"data\":\"yo\"}");
      assertThat(n.getInt("id")).isEqualTo(17);
      assertThat(n.getJsonObject("payload").getString("data")).isEqualTo("yo");
    }

    @Test
    void eventWithIdButWithoutAckFlagIsStillAcknowledged() {
      JsonObject o = call(t, c, "{\"id\":\"p\",\"event\":\"plain\",\"payload\":{\"a\":1}}");
      assertAckOk(o, "p", "plain");
      assertThat(o.getJsonObject("payload").isNull("data")).isTrue();
      assertThat(live.calls).contains("plain {\"a\":1}");
    }

    @Test
    void eventWithoutIdGetsNoReply() {
      int before = t.texts().size();
      send(c, "{\"event\":\"plain\",\"payload\":{\"a\":2}}");
      assertThat(t.texts()).hasSize(before);
      assertThat(live.calls).contains("plain {\"a\":2}");
    }

    @Test
    void ackRequiredWithoutIdIsRefused() {
      JsonObject o = call(t, c, "{\"event\":\"strict\",\"payload\":\"x\"}");
      JsonObject p = assertErrorEvent(o, "strict", "WS_MESSAGE_INVALID");
      assertThat(p.getString("message")).contains("'id'");
      JsonObject e = call(t, c, "{\"event\":\"echo\",\"payload\":\"x\"}");
      assertErrorEvent(e, "echo", "WS_MESSAGE_INVALID");
    }

    @Test
    void validationFailureListsViolations() {
      JsonObject o =
          call(
              t,
              c,
              "{\"id\":\"v1\",\"event\":\"validate\",\"payload\":{\"text\":\" \",\"tag\":\"long\"}}");
      JsonObject p = assertAckError(o, "v1", "WS_MESSAGE_INVALID");
      assertThat(p.getJsonArray("violations")).hasSize(2);
      JsonObject first = p.getJsonArray("violations").getJsonObject(0);
      JsonObject second = p.getJsonArray("violations").getJsonObject(1);
      assertThat(first.getString("path")).isEqualTo("tag");
      assertThat(first.getString("message")).isNotBlank();
      assertThat(second.getString("path")).isEqualTo("text");
      assertThat(second.getString("message")).isNotBlank();
    }

    @Test
    void validPayloadPasses() {
      JsonObject o =
          call(t, c, "{\"id\":\"v2\",\"event\":\"validate\",\"payload\":{\"text\":\"ok\"}}");
      assertAckOk(o, "v2", "validate");
      assertThat(o.getJsonObject("payload").getString("data")).isEqualTo("ok");
    }

    @Test
    void payloadOfTheWrongShapeOrMissing() {
      JsonObject o = call(t, c, "{\"id\":\"v3\",\"event\":\"validate\",\"payload\":[1]}");
      assertThat(assertAckError(o, "v3", "WS_MESSAGE_INVALID").getString("message"))
          .contains("Msg");
      JsonObject m = call(t, c, "{\"id\":\"v4\",\"event\":\"validate\"}");
      assertThat(assertAckError(m, "v4", "WS_MESSAGE_INVALID").getString("message"))
          .contains("requires a payload");
    }

    @Test
    void unknownEvent() {
      JsonObject o = call(t, c, "{\"id\":\"u1\",\"event\":\"nope\"}");
      assertThat(assertAckError(o, "u1", "WS_UNSUPPORTED_EVENT").getString("message"))
          .contains("nope");
      JsonObject e = call(t, c, "{\"event\":\"nope\"}");
      assertErrorEvent(e, "nope", "WS_UNSUPPORTED_EVENT");
    }

    @Test
    void handlerExceptionIsAnInternalErrorWithoutDetails() {
      int before = t.texts().size();
      send(c, "{\"id\":\"b1\",\"event\":\"boom\"}");
      assertThat(t.texts()).hasSize(before + 1);
      String raw = t.last();
      assertThat(raw).doesNotContain("secret-detail-123").doesNotContain("IllegalState");
      JsonObject p = assertAckError(FakeTransport.parse(raw), "b1", "WS_INTERNAL_ERROR");
      assertThat(p.getString("message")).isEqualTo("Internal server error");
      // the connection survives
      assertThat(c.isOpen()).isTrue();
      assertAckOk(call(t, c, "{\"id\":\"b2\",\"event\":\"echo\",\"payload\":\"x\"}"), "b2", "echo");
    }

    @Test
    void socketFaultFromHandlerKeepsItsCode() {
      JsonObject o = call(t, c, "{\"id\":\"f1\",\"event\":\"fault\"}");
      JsonObject p = assertAckError(o, "f1", "CHAT_LOCKED");
      assertThat(p.getString("message")).isEqualTo("room locked");
      assertThat(c.isOpen()).isTrue();
      assertThat(t.closeCode).isNull();
    }

    @Test
    void completionStageIsAcknowledgedWhenItCompletes() {
      int before = t.texts().size();
      send(c, "{\"id\":\"l1\",\"event\":\"later\"}");
      assertThat(t.texts()).hasSize(before);
      live.future.complete(Map.of("done", true));
      JsonObject o = t.lastJson();
      assertAckOk(o, "l1", "later");
      assertThat(o.getJsonObject("payload").getJsonObject("data").getBoolean("done")).isTrue();
    }

    @Test
    void failedCompletionStageAnswersWithItsFault() {
      send(c, "{\"id\":\"l2\",\"event\":\"later\"}");
      live.future.completeExceptionally(SocketFault.forbidden("later"));
      assertAckError(t.lastJson(), "l2", "WS_FORBIDDEN");

      live.future = new CompletableFuture<>();
      send(c, "{\"id\":\"l3\",\"event\":\"later\"}");
      live.future.completeExceptionally(new RuntimeException("hidden-cause"));
      assertThat(t.last()).doesNotContain("hidden-cause");
      assertAckError(t.lastJson(), "l3", "WS_INTERNAL_ERROR");
    }

    @Test
    void controlPingGetsPongWithTheSameId() {
      JsonObject o =
          call(
              t,
              c,
              "{\"id\":\"p1\",\"type\":\"control\",\"event\":\"ping\",\"payload\":{\"t\":5}}");
      assertThat(o.getString("type")).isEqualTo("control");
      assertThat(o.getString("event")).isEqualTo("pong");
      assertThat(o.getString("id")).isEqualTo("p1");
      assertThat(o.getJsonObject("payload").getInt("t")).isEqualTo(5);
    }

    @Test
    void controlPongIsSilentAndOtherControlEventsAreErrors() {
      int before = t.texts().size();
      send(c, "{\"type\":\"control\",\"event\":\"pong\"}");
      assertThat(t.texts()).hasSize(before);
      JsonObject o = call(t, c, "{\"id\":\"c1\",\"type\":\"control\",\"event\":\"reboot\"}");
      assertAckError(o, "c1", "WS_MESSAGE_INVALID");
    }

    @Test
    void systemAndAckTypesFromClientsAreRefused() {
      JsonObject o = call(t, c, "{\"id\":\"s1\",\"type\":\"system\",\"event\":\"connected\"}");
      assertThat(assertAckError(o, "s1", "WS_MESSAGE_INVALID").getString("message"))
          .contains("system");
      JsonObject e = call(t, c, "{\"type\":\"ack\",\"event\":\"echo\"}");
      assertErrorEvent(e, "echo", "WS_MESSAGE_INVALID");
    }

    @Test
    void typedPathParamsReachTheHandler() {
      JsonObject o = call(t, c, "{\"id\":\"pp\",\"event\":\"params\"}");
      assertThat(o.getJsonObject("payload").getString("data")).isEqualTo("lobby/43/" + ID + "/1");
    }

    @Test
    void principalAndConnectionReachTheHandler() {
      JsonObject o = call(t, c, "{\"id\":\"w\",\"event\":\"whoami\"}");
      assertThat(o.getJsonObject("payload").getString("data")).isEqualTo("alice@" + c.id());
    }

    @Test
    void eventGuardDenialAnswersForbidden() {
      JsonObject o = call(t, c, "{\"id\":\"g1\",\"event\":\"secret\"}");
      assertAckError(o, "g1", "WS_FORBIDDEN");
      assertThat(t.last()).doesNotContain("leaked");
      assertThat(c.isOpen()).isTrue();
    }

    @Test
    void malformedFramesAreAnsweredAndTheConnectionStays() {
      JsonObject o = call(t, c, "not json");
      assertErrorEvent(o, null, "WS_MESSAGE_INVALID");
      JsonObject m = call(t, c, "{\"id\":\"m1\",\"event\":\"x\",\"ack\":1}");
      assertAckError(m, "m1", "WS_MESSAGE_INVALID");
      int before = t.texts().size();
      socket.frame(c, socket.codec().decode("{\"event\":\"" + "x".repeat(100) + "\"}", 50));
      assertThat(t.texts()).hasSize(before + 1);
      assertErrorEvent(t.lastJson(), null, "WS_PAYLOAD_TOO_LARGE");
      assertThat(c.isOpen()).isTrue();
      assertThat(t.closeCode).isNull();
    }

    @Test
    void sendFromApplicationCode() {
      assertThat(c.send("news", Map.of("a", 1))).isTrue();
      JsonObject o = t.lastJson();
      assertThat(o.getString("event")).isEqualTo("news");
      assertThat(o.getJsonObject("payload").getInt("a")).isEqualTo(1);
      c.close();
      assertThat(t.closeCode).isEqualTo(1000);
      assertThat(c.send("news", 1)).isFalse();
    }
  }

  // ------------------------------------------------------------------ disconnect

  @Test
  void onDisconnectRunsExactlyOnceWithTheCloseStatus() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t);
    CloseStatus bye = new CloseStatus(1000, "bye");
    socket.closed(c, bye);
    socket.closed(c, new CloseStatus(1006, "again"));
    assertThat(live.disconnects).containsExactly(bye);
    assertThat(c.isOpen()).isFalse();
    assertThat(socket.connections()).isEmpty();
  }

  @Test
  void serverRequestedCloseWinsOverTheReportedOne() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t);
    c.close(4001, "kicked");
    assertThat(t.closeCode).isEqualTo(4001);
    assertThat(t.closeReason).isEqualTo("kicked");
    socket.closed(c, new CloseStatus(1006, ""));
    assertThat(live.disconnects).containsExactly(new CloseStatus(4001, "kicked"));
  }

  @Test
  void closeReasonIsTruncated() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t);
    c.close(4000, "r".repeat(300));
    assertThat(t.closeReason).hasSize(123);
  }

  @Test
  void slowConsumerIsClosedWith4008() {
    LiveSocket q = socket(Quiet.class);
    FakeTransport t = FakeTransport.manual();
    RuntimeConnection c =
        q.open(t, new HandshakeInfo("/ws/quiet", Map.of(), Map.of(), Map.of(), null));
    // "connected" is in flight; two more fill the queue
    assertThat(c.send("e", 1)).isTrue();
    assertThat(c.send("e", 2)).isTrue();
    assertThat(c.send("e", 3)).isFalse();
    assertThat(c.isOpen()).isFalse();
    assertThat(t.closeCode).isNull(); // behind the write in flight
    t.completeNext();
    assertThat(t.closeCode).isEqualTo(4008);
    assertThat(t.texts()).hasSize(1); // the queue was discarded
    assertThat(t.pending).isEmpty();
  }

  @Test
  void dropOldestIsTheDefaultOverflowPolicy() {
    FakeTransport t = FakeTransport.manual();
    RuntimeConnection c = open(t); // "connected" stays in flight
    int capacity = socket.model().limits().outboundQueueSize();
    for (int i = 0; i < capacity; i++) {
      assertThat(c.send("e", i)).isTrue();
    }
    // default policy is DROP_OLDEST: still accepted
    assertThat(c.send("e", -1)).isTrue();
    assertThat(c.outbox().dropped()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ heartbeat

  @Test
  void heartbeatPingsThenClosesSilentConnections() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t);
    runtime.heartbeat();
    assertThat(t.pings).as("the announcement was just written: no ping").isZero();
    clock.advance(Duration.ofSeconds(1));
    runtime.heartbeat();
    assertThat(t.pings).isEqualTo(1);
    assertThat(t.closeCode).isNull();

    clock.advance(Duration.ofSeconds(14)); // exactly interval + timeout: still tolerated
    runtime.heartbeat();
    assertThat(t.pings).isEqualTo(2);
    assertThat(t.closeCode).isNull();
    assertThat(socket.stats().heartbeatTimeouts()).isZero();

    clock.advance(Duration.ofMillis(1));
    runtime.heartbeat();
    assertThat(t.closeCode).isEqualTo(1001);
    assertThat(t.closeReason).isEqualTo("heartbeat timeout");
    assertThat(socket.stats().heartbeatTimeouts()).isEqualTo(1);
    assertThat(c.isOpen()).isFalse();
    socket.closed(c, new CloseStatus(1006, ""));
    assertThat(live.disconnects).containsExactly(new CloseStatus(1001, "heartbeat timeout"));
  }

  @Test
  void aCloseStuckBehindAnUnreadWriteIsForcedAfterTheHeartbeatTimeout() {
    FakeTransport t = FakeTransport.manual();
    RuntimeConnection c = open(t); // "connected" stays in flight: the client does not read
    c.close(4000, "bye");
    assertThat(t.closeCode).isNull(); // queued behind the write in flight
    assertThat(socket.connections()).isEmpty(); // closing is not open
    assertThat(socket.stats().connections()).isZero();
    clock.advance(Duration.ofSeconds(5));
    runtime.heartbeat();
    assertThat(t.closeCode).isNull(); // exactly the timeout: still waiting
    clock.advance(Duration.ofMillis(1));
    runtime.heartbeat();
    assertThat(t.closeCode).isEqualTo(4000);
    assertThat(live.disconnects).containsExactly(new CloseStatus(4000, "bye"));
    socket.closed(c, new CloseStatus(1006, "")); // the container's report changes nothing
    assertThat(live.disconnects).hasSize(1);
  }

  @Test
  void aClientTakingAStreamOfEventsIsAliveAndNotPingedWhileWritesComplete() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t);
    for (int s = 0; s < 60; s++) { // a minute of events, one per second, the client never sends
      clock.advance(Duration.ofSeconds(1));
      assertThat(c.send("tick", s)).isTrue();
      runtime.heartbeat();
    }
    assertThat(t.closeCode).isNull();
    assertThat(t.pings).as("a ping right after a write could meet it in the container").isZero();
    assertThat(socket.stats().heartbeatTimeouts()).isZero();
    // the writes stop completing (the client stopped reading): it is silent from then on
    clock.advance(Duration.ofSeconds(16));
    runtime.heartbeat();
    assertThat(t.closeCode).isEqualTo(1001);
  }

  @Test
  void framesAndPongsCountAsActivity() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t);
    clock.advance(Duration.ofSeconds(10));
    send(c, "{\"type\":\"control\",\"event\":\"pong\"}");
    clock.advance(Duration.ofSeconds(10));
    socket.activity(c);
    clock.advance(Duration.ofSeconds(10));
    runtime.heartbeat();
    assertThat(t.closeCode).isNull();
    assertThat(t.pings).isEqualTo(1);
    clock.advance(Duration.ofSeconds(6));
    runtime.heartbeat();
    assertThat(t.closeCode).isEqualTo(1001);
  }

  @Test
  void heartbeatIntervalZeroDisablesHeartbeats() {
    LiveSocket q = socket(Quiet.class);
    FakeTransport t = FakeTransport.synchronous();
    q.open(t, new HandshakeInfo("/ws/quiet", Map.of(), Map.of(), Map.of(), null));
    clock.advance(Duration.ofHours(1));
    runtime.heartbeat();
    assertThat(t.pings).isZero();
    assertThat(t.closeCode).isNull();
  }

  // ------------------------------------------------------------------ runtime

  @Test
  void runtimeCloseClosesConnectionsWith1001AndRunsOnDisconnect() {
    FakeTransport t1 = FakeTransport.synchronous();
    FakeTransport t2 = FakeTransport.synchronous();
    open(t1);
    open(t2);
    runtime.close();
    assertThat(t1.closeCode).isEqualTo(1001);
    assertThat(t2.closeCode).isEqualTo(1001);
    assertThat(live.disconnects).hasSize(2).allMatch(s -> s.code() == 1001);
    assertThat(socket.connections()).isEmpty();
    assertThatThrownBy(() -> live.namespace())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AQS-100");
  }

  @Test
  void broadcastEncodesOnceAndReachesEveryOpenConnection() {
    FakeTransport t1 = FakeTransport.synchronous();
    FakeTransport t2 = FakeTransport.synchronous();
    FakeTransport t3 = FakeTransport.synchronous();
    FakeTransport gone = FakeTransport.synchronous();
    open(t1);
    open(t2);
    open(t3);
    RuntimeConnection g = open(gone);
    socket.closed(g, CloseStatus.NORMAL);
    int goneTexts = gone.texts().size();

    assertThat(live.broadcast("news", Map.of("a", 1))).isEqualTo(3);
    assertThat(t1.last()).isSameAs(t2.last()).isSameAs(t3.last());
    JsonObject o = t1.lastJson();
    assertThat(o.getString("event")).isEqualTo("news");
    assertThat(o.getString("type")).isEqualTo("event");
    assertThat(o.getJsonObject("payload").getInt("a")).isEqualTo(1);
    assertThat(gone.texts()).hasSize(goneTexts);
  }

  @Test
  void controllerReachesItsNamespaceThroughTheRegistry() {
    assertThat(NamespaceRegistry.lookup(Live.class)).containsSame(socket);
    assertThat(live.namespace().name()).isEqualTo(PATH);
    assertThat(live.namespace().path()).isEqualTo(PATH);
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t);
    assertThat(live.connections()).containsExactly(c);
    assertThat(live.connection(c.id())).containsSame(c);
    assertThat(live.connection("nope")).isEmpty();
    assertThat(live.sendTo(c.id(), "dm", "hello")).isTrue();
    assertThat(t.lastJson().getString("payload")).isEqualTo("hello");
    assertThat(live.sendTo("nope", "dm", "hello")).isFalse();
    // a subclass instance (as a CDI proxy would be) resolves too
    assertThat(new Live() {}.namespace()).isSameAs(socket);
  }
}
