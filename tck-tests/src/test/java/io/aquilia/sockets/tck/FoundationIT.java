package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aquilia.sockets.tck.app.DisconnectLog;
import io.aquilia.sockets.tck.app.EchoSocket;
import io.aquilia.sockets.tck.app.GameSocket;
import io.aquilia.sockets.tck.app.Greeter;
import io.aquilia.sockets.tck.app.LifecycleSocket;
import io.aquilia.sockets.tck.app.ProbeSocket;
import io.aquilia.sockets.tck.app.StrictOriginSocket;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation on a real server: discovery without beans.xml, injection, typed path parameters,
 * every handler kind, correlated acks, validation, every message-level failure with the connection
 * still usable, handshake failures, close codes and {@code @OnDisconnect} once.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war(
        "foundation",
        EchoSocket.class,
        EchoSocket.Order.class,
        EchoSocket.Receipt.class,
        EchoSocket.Greeting.class,
        EchoSocket.RoomRequest.class,
        EchoSocket.CloseCommand.class,
        Greeter.class,
        GameSocket.class,
        GameSocket.Mode.class,
        LifecycleSocket.class,
        DisconnectLog.class,
        ProbeSocket.class,
        ProbeSocket.Query.class,
        StrictOriginSocket.class);
  }

  @ArquillianResource URL base;

  private URI uri(String path) {
    return WsClient.wsUri(base, path);
  }

  private static JsonObject payload(JsonObject j) {
    return j.getJsonObject("payload");
  }

  @Test
  void discoveredWithoutBeansXmlAndAnnouncesConnection() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      JsonObject hello = ws.awaitSystem("connected");
      assertThat(payload(hello).getString("connectionId")).hasSize(36);
      assertThat(payload(hello).getString("namespace")).isEqualTo("/ws/echo/:room");
      JsonObject limits = payload(hello).getJsonObject("limits");
      assertThat(limits.getInt("maxMessageSize")).isEqualTo(65536);
      assertThat(limits.getInt("heartbeatInterval")).isEqualTo(25);
      assertThat(payload(hello).getJsonArray("events").toString()).contains("order.place");
      assertThat(hello.keySet()).containsExactly("id", "type", "event", "payload", "meta", "ack");
    }
  }

  @Test
  void injectionIntoControllerAndAckEventReplyIsAnEnvelope() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      ws.sendEvent("g1", "greet", "{\"name\":\"Ada\"}");
      JsonObject ack = ws.awaitAck("g1");
      assertThat(ack.getString("event")).isEqualTo("greet");
      assertThat(payload(ack).getString("status")).isEqualTo("ok");
      assertThat(payload(ack).getString("data")).isEqualTo("Hello, Ada");
    }
  }

  @Test
  void successAckCorrelatesByIdAndDataIsAcceptedForPayload() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      ws.send("{\"id\":42,\"event\":\"echo\",\"data\":{\"a\":1}}");
      JsonObject ack =
          ws.awaitJson(j -> j.containsKey("id") && "42".equals(j.get("id").toString()));
      assertThat(ack.getString("type")).isEqualTo("ack");
      assertThat(payload(ack).getJsonObject("data").getInt("a")).isEqualTo(1);
    }
  }

  @Test
  void validatedPayloadAndPathParameterReachTheHandler() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/blue"))) {
      ws.sendEvent("o1", "order.place", "{\"qty\":2,\"sku\":\"A-1\"}");
      JsonObject data = payload(ws.awaitAck("o1")).getJsonObject("data");
      assertThat(data.getString("room")).isEqualTo("blue");
      assertThat(data.getInt("qty")).isEqualTo(2);
    }
  }

  @Test
  void validationFailureListsEveryViolation() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      ws.sendEvent("o2", "order.place", "{\"qty\":9,\"sku\":\"\"}");
      JsonObject p = payload(ws.awaitAck("o2"));
      assertThat(p.getString("status")).isEqualTo("error");
      assertThat(p.getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      JsonArray v = p.getJsonArray("violations");
      assertThat(v).hasSize(2);
      assertThat(v.getJsonObject(0).getString("path")).isEqualTo("qty");
      assertThat(v.getJsonObject(1).getString("path")).isEqualTo("sku");
      assertThat(v.getJsonObject(0).getString("message")).isNotBlank();
    }
  }

  @Test
  void ackedEventWithoutIdGetsAnErrorEvent() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      ws.send("{\"event\":\"greet\",\"payload\":{\"name\":\"x\"}}");
      JsonObject err = ws.awaitEvent("error");
      assertThat(payload(err).getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(payload(err).getString("event")).isEqualTo("greet");
    }
  }

  @Test
  void everyMessageLevelFailureIsAnsweredAndTheConnectionStaysUsable() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      ws.awaitSystem("connected");
      expectError(ws, "{not json", "WS_MESSAGE_INVALID");
      expectError(ws, "[1,2]", "WS_MESSAGE_INVALID");
      expectError(ws, "\"just a string\"", "WS_MESSAGE_INVALID");
      expectError(ws, "{\"payload\":{}}", "WS_MESSAGE_INVALID");
      expectError(ws, "{\"event\":\"\"}", "WS_MESSAGE_INVALID");
      expectError(ws, "{\"event\":\"echo\",\"type\":\"bogus\"}", "WS_MESSAGE_INVALID");
      expectError(ws, "{\"event\":\"echo\",\"type\":\"system\"}", "WS_MESSAGE_INVALID");
      expectError(ws, "{\"event\":\"no.such.event\"}", "WS_UNSUPPORTED_EVENT");
      expectError(ws, "{\"event\":\"boom\"}", "WS_INTERNAL_ERROR");
      expectError(ws, "{\"event\":\"deny\"}", "WS_FORBIDDEN");
      expectError(
          ws, "{\"event\":\"order.place\",\"payload\":{\"qty\":\"many\"}}", "WS_MESSAGE_INVALID");
      expectError(
          ws,
          "{\"event\":\"echo\",\"data\":{\"x\":\"" + "y".repeat(70_000) + "\"}}",
          "WS_PAYLOAD_TOO_LARGE");
      ws.sendBinary(new byte[] {1, 2, 3});
      JsonObject bin = ws.awaitEvent("error");
      assertThat(payload(bin).getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(payload(bin).getString("message")).contains("binary");
      assertThat(ws.messages()).noneMatch(m -> m.contains("secret-detail-xyz"));
      assertThat(ws.isOpen()).isTrue();
    }
  }

  private static void expectError(WsClient ws, String frame, String code) {
    ws.send(frame);
    JsonObject err = ws.awaitEvent("error");
    assertThat(payload(err).getString("code")).as("answer to %s", frame).isEqualTo(code);
    String id = "still-" + UUID.randomUUID();
    ws.sendEvent(id, "echo", "{\"ok\":true}");
    assertThat(payload(ws.awaitAck(id)).getString("status"))
        .as("usable after %s", frame)
        .isEqualTo("ok");
  }

  @Test
  void errorWithIdIsAnErrorAckWithTheCode() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      ws.sendEvent("u1", "nope", "{}");
      JsonObject p = payload(ws.awaitAck("u1"));
      assertThat(p.getString("status")).isEqualTo("error");
      assertThat(p.getString("code")).isEqualTo("WS_UNSUPPORTED_EVENT");
      ws.sendEvent("b1", "boom", "{}");
      JsonObject b = payload(ws.awaitAck("b1"));
      assertThat(b.getString("code")).isEqualTo("WS_INTERNAL_ERROR");
      assertThat(b.getString("message")).isEqualTo("Internal server error");
      ws.sendEvent("s1", "order.place", "\"just a string\"");
      JsonObject shape = payload(ws.awaitAck("s1"));
      assertThat(shape.getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(shape.getString("message"))
          .endsWith("does not match Order: expected a JSON object");
      ws.sendEvent("s2", "order.place", "{\"qty\":\"many\",\"sku\":\"a\"}");
      assertThat(payload(ws.awaitAck("s2")).getString("message"))
          .doesNotContain("Internal error")
          .doesNotContain("io.aquilia");
    }
  }

  @Test
  void handlerKindsAsyncSubscribeUnsubscribeRawAndControlPing() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby?q=42"))) {
      ws.sendEvent("a1", "async", "{}");
      assertThat(payload(ws.awaitAck("a1")).getString("data")).isEqualTo("later");
      String me =
          WsClient.str(ws.awaitSystem("connected").getJsonObject("payload"), "connectionId");
      ws.sendEvent("j1", "room.join", "{\"room\":\"r1\"}");
      JsonObject joined = payload(ws.awaitAck("j1")).getJsonObject("data");
      assertThat(joined.getString("room")).isEqualTo("r1");
      assertThat(joined.getJsonArray("members").getString(0)).isEqualTo(me);
      ws.sendEvent("l1", "room.leave", "{\"room\":\"r1\"}");
      JsonObject left = payload(ws.awaitAck("l1")).getJsonObject("data");
      assertThat(left.getString("room")).isEqualTo("r1");
      assertThat(left.getJsonArray("members")).isEmpty();
      ws.sendEvent("r1", "raw", "{}");
      assertThat(payload(ws.awaitAck("r1")).getString("data")).isEqualTo("raw:event");
      ws.send("{\"type\":\"control\",\"event\":\"ping\",\"id\":\"p1\"}");
      JsonObject pong = ws.awaitJson(j -> "pong".equals(WsClient.str(j, "event")));
      assertThat(pong.getString("type")).isEqualTo("control");
      assertThat(pong.getString("id")).isEqualTo("p1");
      ws.sendEvent("w1", "whoami", "{}");
      JsonObject who = payload(ws.awaitAck("w1")).getJsonObject("data");
      assertThat(who.getString("path")).isEqualTo("/ws/echo/lobby");
      assertThat(who.getString("room")).isEqualTo("lobby");
      assertThat(who.getString("q")).isEqualTo("42");
    }
  }

  @Test
  void concurrentHandshakesNeverMixTheirRequestData() throws Exception {
    // the request data travels from the handshake to onOpen through the endpoint configuration:
    // 64 upgrades at once, each must see its own path and query
    int n = 64;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      java.util.List<java.util.concurrent.Future<String>> seen = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        seen.add(
            pool.submit(
                () -> {
                  try (WsClient ws = WsClient.connect(uri("/ws/echo/r" + k + "?q=" + k))) {
                    ws.sendEvent("w", "whoami", "{}");
                    JsonObject who = payload(ws.awaitAck("w")).getJsonObject("data");
                    return who.getString("room")
                        + " "
                        + who.getString("path")
                        + " "
                        + who.getString("q");
                  }
                }));
      }
      for (int i = 0; i < n; i++) {
        assertThat(seen.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS))
            .isEqualTo("r" + i + " /ws/echo/r" + i + " " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void typedPathParametersAreConverted() {
    UUID token = UUID.randomUUID();
    try (WsClient ws = WsClient.connect(uri("/ws/game/41/FAST/" + token))) {
      ws.sendEvent("s1", "state", "{}");
      JsonObject data = payload(ws.awaitAck("s1")).getJsonObject("data");
      assertThat(data.getInt("id")).isEqualTo(41);
      assertThat(data.getInt("next")).isEqualTo(42);
      assertThat(data.getString("mode")).isEqualTo("FAST");
      assertThat(data.getString("token")).isEqualTo(token.toString());
      assertThat(data.getString("namespace")).isEqualTo("games");
    }
  }

  @Test
  void pathParameterThatDoesNotConvertClosesWith1008() {
    try (WsClient ws = WsClient.connect(uri("/ws/game/abc/FAST/" + UUID.randomUUID()))) {
      CloseReason r = ws.awaitClose(WsClient.TIMEOUT);
      assertThat(r.getCloseCode().getCode()).isEqualTo(1008);
      assertThat(r.getReasonPhrase()).contains("id");
    }
  }

  @Test
  void unknownPathIsRefusedWith404() {
    assertThat(WsClient.to(uri("/ws/nothing-here")).rejectedStatus()).isEqualTo(404);
  }

  @Test
  void onConnectFaultClosesWithItsCodeAndOnDisconnectDoesNotRun() {
    try (WsClient ws = WsClient.connect(uri("/ws/lifecycle?reject=1"))) {
      String id =
          WsClient.str(ws.awaitSystem("connected").getJsonObject("payload"), "connectionId");
      CloseReason r = ws.awaitClose(WsClient.TIMEOUT);
      assertThat(r.getCloseCode().getCode()).isEqualTo(1008);
      assertThat(r.getReasonPhrase()).contains("rejected by test");
      assertThat(disconnects(id)).isEmpty();
    }
  }

  @Test
  void onConnectExceptionClosesWith1011() {
    try (WsClient ws = WsClient.connect(uri("/ws/lifecycle?crash=1"))) {
      assertThat(ws.awaitClose(WsClient.TIMEOUT).getCloseCode().getCode()).isEqualTo(1011);
      assertThat(ws.messages()).noneMatch(m -> m.contains("crash in OnConnect"));
    }
  }

  @Test
  void guardReturningFalseClosesWith1008() {
    try (WsClient ws = WsClient.connect(uri("/ws/lifecycle?guard=deny"))) {
      CloseReason r = ws.awaitClose(WsClient.TIMEOUT);
      assertThat(r.getCloseCode().getCode()).isEqualTo(1008);
      assertThat(r.getReasonPhrase()).containsIgnoringCase("forbidden");
    }
  }

  @Test
  void onDisconnectRunsExactlyOnceWithTheClientsCloseCode() {
    String id;
    try (WsClient ws = WsClient.connect(uri("/ws/lifecycle"))) {
      id = WsClient.str(ws.awaitEvent("welcome").getJsonObject("payload"), "id");
      ws.close(4002, "client bye");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> disconnects(id).size() == 1);
    JsonObject call = disconnects(id).getJsonObject(0);
    assertThat(call.getInt("code")).isEqualTo(4002);
    assertThat(call.getString("reason")).isEqualTo("client bye");
    assertThat(disconnects(id)).hasSize(1);
  }

  @Test
  void serverCloseSendsTheCloseFrameAndOnDisconnectSeesIt() {
    try (WsClient ws = WsClient.connect(uri("/ws/echo/lobby"))) {
      ws.sendEvent(null, "close.me", "{\"code\":4001,\"reason\":\"bye-now\"}");
      CloseReason r = ws.awaitClose(WsClient.TIMEOUT);
      assertThat(r.getCloseCode().getCode()).isEqualTo(4001);
      assertThat(r.getReasonPhrase()).isEqualTo("bye-now");
    }
  }

  @Test
  void originsAreCheckedBeforeTheUpgradeOnADotBoundary() {
    assertThat(WsClient.to(uri("/ws/strict")).origin("https://evilexample.com").rejectedStatus())
        .isEqualTo(403);
    assertThat(WsClient.to(uri("/ws/strict")).origin("http://a.example.com").rejectedStatus())
        .isEqualTo(403);
    try (WsClient ws =
        WsClient.to(uri("/ws/strict")).origin("https://chat.example.com").connect()) {
      ws.sendEvent("x", "ping.app", "{}");
      assertThat(payload(ws.awaitAck("x")).getString("data")).isEqualTo("pong");
    }
  }

  @Test
  void messageOverTheSocketLimitIsAnsweredAndFarOverItClosesWith1009() {
    try (WsClient ws = WsClient.to(uri("/ws/strict")).origin("https://a.example.com").connect()) {
      // An oversized frame is not parsed, so its id is unknown: the answer is an error event.
      ws.sendEvent("big", "ping.app", "{\"x\":\"" + "y".repeat(2000) + "\"}");
      JsonObject err = payload(ws.awaitEvent("error"));
      assertThat(err.getString("code")).isEqualTo("WS_PAYLOAD_TOO_LARGE");
      assertThat(err.getString("message")).contains("(limit: 1024)");
      ws.sendEvent("ok", "ping.app", "{}");
      assertThat(payload(ws.awaitAck("ok")).getString("status")).isEqualTo("ok");
      // Far over the limit: Liberty cuts it at the container buffer with 1009; Tyrus (Payara)
      // delivers it and the framework answers WS_PAYLOAD_TOO_LARGE. Both keep the server healthy.
      ws.send("{\"event\":\"ping.app\",\"data\":\"" + "z".repeat(200_000) + "\"}");
      await()
          .atMost(WsClient.TIMEOUT)
          .until(
              () ->
                  ws.closeReason().isDone()
                      || ws.hasPending(m -> m.contains("WS_PAYLOAD_TOO_LARGE")));
      if (ws.closeReason().isDone()) {
        assertThat(ws.awaitClose(WsClient.TIMEOUT).getCloseCode().getCode()).isEqualTo(1009);
      } else {
        ws.sendEvent("ok2", "ping.app", "{}");
        assertThat(payload(ws.awaitAck("ok2")).getString("status")).isEqualTo("ok");
      }
    }
  }

  private JsonArray disconnects(String connectionId) {
    try (WsClient probe = WsClient.connect(uri("/ws/probe"))) {
      probe.sendEvent("q", "disconnects", "{\"connectionId\":\"" + connectionId + "\"}");
      return payload(probe.awaitAck("q")).getJsonArray("data");
    }
  }
}
