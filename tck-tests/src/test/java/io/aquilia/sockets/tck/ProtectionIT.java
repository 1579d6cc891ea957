package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aquilia.sockets.tck.protect.AuditMiddleware;
import io.aquilia.sockets.tck.protect.CacheMiddleware;
import io.aquilia.sockets.tck.protect.CappedSocket;
import io.aquilia.sockets.tck.protect.ConfiguredSocket;
import io.aquilia.sockets.tck.protect.InputSocket;
import io.aquilia.sockets.tck.protect.LimitedSocket;
import io.aquilia.sockets.tck.protect.MemberGuard;
import io.aquilia.sockets.tck.protect.OriginSockets;
import io.aquilia.sockets.tck.protect.PerIpSocket;
import io.aquilia.sockets.tck.protect.QuietHoursGuard;
import io.aquilia.sockets.tck.protect.SecureSocket;
import io.aquilia.sockets.tck.protect.StampMiddleware;
import io.aquilia.sockets.tck.protect.TestTokens;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.RawWs;
import io.aquilia.sockets.tck.support.Servers;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Protection at the door and per message, on a real server: token authentication (header,
 * subprotocol, query) refused with HTTP 401/403 before the upgrade, roles, guard beans, middleware,
 * connection quotas (per socket, user, address) refused with 429, the rate limit, origins (missing,
 * {@code null}), MicroProfile Config overrides, and every row of the bad-input table of {@code
 * docs/protocol.md} §5.4.
 */
@ExtendWith(ArquillianExtension.class)
class ProtectionIT {

  private static final String ALLOWED = "https://a.example.com";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war(
            "protect",
            TestTokens.class,
            MemberGuard.class,
            QuietHoursGuard.class,
            AuditMiddleware.class,
            CacheMiddleware.class,
            StampMiddleware.class,
            SecureSocket.class,
            LimitedSocket.class,
            CappedSocket.class,
            PerIpSocket.class,
            OriginSockets.class,
            OriginSockets.Strict.class,
            OriginSockets.Any.class,
            OriginSockets.Sandbox.class,
            InputSocket.class,
            InputSocket.Counts.class,
            InputSocket.Note.class,
            ConfiguredSocket.class)
        .addAsResource(
            new StringAsset(
                "aquilia.sockets.\"/ws/configured\".message-rate-limit=3\n"
                    + "aquilia.sockets./ws/configured.max-message-size=2048\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private URI uri(String path) {
    return WsClient.wsUri(base, path);
  }

  private static JsonObject payload(JsonObject j) {
    return j.getJsonObject("payload");
  }

  private WsClient user(String token) {
    return WsClient.to(uri("/ws/secure")).header("Authorization", "Bearer " + token).connect();
  }

  private JsonObject whoami(WsClient ws) {
    String id = ws.sendEvent("whoami", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
    return payload(ws.awaitAck(id)).getJsonObject("data");
  }

  private RawWs raw(String path, Map<String, String> headers) throws IOException {
    return RawWs.open(uri(path), headers);
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void bearerTokenInTheAuthorizationHeaderAuthenticatesAndIsHiddenFromTheApplication() {
    try (WsClient ws = user("alice-secret-token")) {
      JsonObject me = whoami(ws);
      assertThat(me.getString("user")).isEqualTo("alice");
      assertThat(me.getBoolean("member")).isTrue();
      assertThat(me.getBoolean("admin")).isFalse();
      assertThat(me.isNull("authorization")).isTrue();
    }
  }

  @Test
  void tokenInTheSubprotocolOrTheQueryAuthenticatesToo() {
    try (WsClient ws =
        WsClient.to(uri("/ws/secure")).subprotocols("bearer", "root-secret-token").connect()) {
      assertThat(ws.subprotocol()).isEqualTo("bearer");
      JsonObject me = whoami(ws);
      assertThat(me.getString("user")).isEqualTo("root");
      assertThat(me.getBoolean("admin")).isTrue();
      assertThat(me.getString("protocols")).doesNotContain("secret");
    }
    try (WsClient ws = WsClient.connect(uri("/ws/secure?access_token=alice-secret-token&x=1"))) {
      JsonObject me = whoami(ws);
      assertThat(me.getString("user")).isEqualTo("alice");
      assertThat(me.getString("query")).contains("x").doesNotContain("access_token");
    }
  }

  @Test
  void missingInvalidForbiddenOrFailingTokensAreRefusedBeforeTheUpgrade() throws IOException {
    assertThat(WsClient.to(uri("/ws/secure")).rejectedStatus()).isEqualTo(401);
    assertThat(
            WsClient.to(uri("/ws/secure"))
                .header("Authorization", "Bearer wrong-secret-token")
                .rejectedStatus())
        .isEqualTo(401);
    assertThat(
            WsClient.to(uri("/ws/secure"))
                .header("Authorization", "Bearer banned-secret-token")
                .rejectedStatus())
        .isEqualTo(403);
    assertThat(
            WsClient.to(uri("/ws/secure"))
                .header("Authorization", "Bearer crash-secret-token")
                .rejectedStatus())
        .isEqualTo(500);
    try (RawWs r = raw("/ws/secure", Map.of())) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.responseHead()).containsIgnoringCase("WWW-Authenticate: Bearer");
    }
    if (Servers.libertyMessagesLog().isPresent()) {
      String log = Files.readString(Servers.libertyMessagesLog().get(), StandardCharsets.UTF_8);
      assertThat(log).contains("AQS-140").contains("AQS-144").doesNotContain("-secret-token");
    }
  }

  // ------------------------------------------------------------------ guards and roles

  @Test
  void rolesAllowedOnAHandlerUsesThePrincipalsRoles() {
    try (WsClient alice = user("alice-secret-token");
        WsClient root = user("root-secret-token")) {
      alice.sendEvent("a1", "admin.op", "{}");
      JsonObject denied = payload(alice.awaitAck("a1"));
      assertThat(denied.getString("code")).isEqualTo("WS_FORBIDDEN");
      assertThat(denied.getString("message")).contains("admin");
      root.sendEvent("a2", "admin.op", "{}");
      assertThat(payload(root.awaitAck("a2")).getString("data")).isEqualTo("done");
      assertThat(whoami(alice).getString("user")).isEqualTo("alice");
    }
  }

  @Test
  void guardBeansRunAtConnectAndPerEvent() {
    try (WsClient ws =
        WsClient.connect(uri("/ws/secure?access_token=alice-secret-token&deny=member"))) {
      CloseReason r = ws.awaitClose(WsClient.TIMEOUT);
      assertThat(r.getCloseCode().getCode()).isEqualTo(1008);
      assertThat(r.getReasonPhrase()).contains("MemberGuard");
      assertThat(ws.messages()).noneMatch(m -> m.contains("\"connected\""));
    }
    try (WsClient ws = user("alice-secret-token")) {
      ws.sendEvent("q1", "say", "{\"quiet\":true}");
      assertThat(payload(ws.awaitAck("q1")).getString("code")).isEqualTo("WS_FORBIDDEN");
      ws.sendEvent("q2", "say", "{\"quiet\":false}");
      assertThat(payload(ws.awaitAck("q2")).getString("data")).isEqualTo("said");
    }
  }

  // ------------------------------------------------------------------ middleware

  @Test
  void middlewareSeesConnectMessagesAndDisconnectAndCanAnswerItself() {
    String id;
    try (WsClient ws = user("alice-secret-token")) {
      id = WsClient.str(payload(ws.awaitSystem("connected")), "connectionId");
      ws.sendEvent("c1", "cached", "{}");
      assertThat(payload(ws.awaitAck("c1")).getJsonObject("data").getBoolean("cached")).isTrue();
      assertThat(whoami(ws).getInt("seen")).isEqualTo(2); // global middleware: cached, whoami
      ws.close(4100, "bye");
    }
    try (WsClient probe = user("root-secret-token")) {
      await()
          .atMost(WsClient.TIMEOUT)
          .until(
              () -> {
                String q =
                    probe.sendEvent(
                        "audit",
                        jakarta.json.Json.createObjectBuilder().add("connectionId", id).build());
                return payload(probe.awaitAck(q)).getJsonArray("data").toString();
              },
              trail -> trail.contains("disconnect 4100"));
      String q =
          probe.sendEvent(
              "audit", jakarta.json.Json.createObjectBuilder().add("connectionId", id).build());
      assertThat(payload(probe.awaitAck(q)).getJsonArray("data").toString())
          .contains(id + " connect alice")
          .contains(id + " message cached")
          .contains(id + " message whoami")
          .contains(id + " disconnect 4100");
    }
  }

  // ------------------------------------------------------------------ connection quotas

  @Test
  void perUserAndPerAddressQuotasAreRefusedWith429() {
    try (WsClient a = user("alice-secret-token");
        WsClient b = user("alice-secret-token")) {
      assertThat(
              WsClient.to(uri("/ws/secure"))
                  .header("Authorization", "Bearer alice-secret-token")
                  .rejectedStatus())
          .isEqualTo(429);
      try (WsClient other = user("root-secret-token")) {
        assertThat(whoami(other).getString("user")).isEqualTo("root");
      }
      assertThat(whoami(a).getString("user")).isEqualTo("alice");
    }
    try (WsClient a = WsClient.connect(uri("/ws/per-ip"));
        WsClient b = WsClient.connect(uri("/ws/per-ip"))) {
      assertThat(WsClient.to(uri("/ws/per-ip")).rejectedStatus()).isEqualTo(429);
    }
    // slots are released on close
    await()
        .atMost(WsClient.TIMEOUT)
        .until(
            () -> {
              try (WsClient again = WsClient.connect(uri("/ws/per-ip"))) {
                return again.isOpen();
              } catch (IllegalStateException refused) {
                return false;
              }
            });
  }

  @Test
  void thousandConnectionAttemptsAgainstMaxConnections100() throws Exception {
    List<RawWs> open = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<RawWs>> attempts = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        attempts.add(pool.submit(() -> raw("/ws/capped", Map.of())));
      }
      Map<Integer, Integer> byStatus = new HashMap<>();
      for (Future<RawWs> f : attempts) {
        RawWs r = f.get(30, TimeUnit.SECONDS);
        byStatus.merge(r.status(), 1, Integer::sum);
        if (r.status() == 101) {
          open.add(r);
          assertThat(r.responseHead()).doesNotContain("Retry-After");
        } else {
          assertThat(r.responseHead()).as(r.describe()).contains("Retry-After");
          r.close();
        }
      }
      assertThat(byStatus).containsOnlyKeys(101, 429);
      assertThat(byStatus.get(101)).isEqualTo(100);
      assertThat(byStatus.get(429)).isEqualTo(900);
      RawWs first = open.get(0);
      first.sendText("{\"id\":\"p\",\"event\":\"ping.app\"}");
      assertThat(first.awaitText("pong", WsClient.TIMEOUT)).isNotNull();
    } finally {
      pool.shutdownNow();
      open.forEach(RawWs::close);
    }
    await()
        .atMost(WsClient.TIMEOUT)
        .until(
            () -> {
              try (RawWs again = raw("/ws/capped", Map.of())) {
                return again.status() == 101;
              }
            });
  }

  // ------------------------------------------------------------------ rate limit

  @Test
  void floodOfTenThousandMessagesIsRateLimitedThenClosedAndOthersAreUnharmed() {
    try (WsClient bystander = WsClient.connect(uri("/ws/flood"));
        WsClient flood = WsClient.connect(uri("/ws/flood"))) {
      flood.awaitSystem("connected");
      int sent = 0;
      for (int i = 0; i < 10_000 && flood.isOpen(); i++) {
        try {
          flood.send("{\"id\":" + i + ",\"event\":\"hit\"}");
          sent++;
        } catch (RuntimeException closed) {
          break;
        }
      }
      CloseReason r = flood.awaitClose(Duration.ofSeconds(20));
      assertThat(r.getCloseCode().getCode()).isEqualTo(1008);
      assertThat(r.getReasonPhrase()).contains("Rate limit exceeded");
      long ok = flood.messages().stream().filter(m -> m.contains("\"status\":\"ok\"")).count();
      long limited =
          flood.messages().stream().filter(m -> m.contains("WS_RATE_LIMIT_EXCEEDED")).count();
      assertThat(limited).isEqualTo(200);
      assertThat(ok).isBetween(50L, 50L + 50L * 20); // the burst, plus the refill while sending
      assertThat(sent).isGreaterThan(250);
      String id = bystander.sendEvent("hit", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
      assertThat(payload(bystander.awaitAck(id)).getString("status")).isEqualTo("ok");
    }
  }

  @Test
  void overTheLimitIsAnsweredAndExemptEventsStillPass() {
    try (WsClient ws = WsClient.connect(uri("/ws/flood"))) {
      JsonObject limits = payload(ws.awaitSystem("connected")).getJsonObject("limits");
      assertThat(limits.getInt("messageRateLimit")).isEqualTo(50);
      for (int i = 0; i < 60; i++) {
        ws.send("{\"id\":\"h" + i + "\",\"event\":\"hit\"}");
      }
      JsonObject err = ws.awaitJson(j -> j.toString().contains("WS_RATE_LIMIT_EXCEEDED"));
      assertThat(err.getString("type")).isEqualTo("ack");
      assertThat(payload(err).getString("message")).contains("50 messages per second");
      ws.sendEvent("s1", "status", "{}");
      assertThat(payload(ws.awaitAck("s1")).getString("data")).isEqualTo("alive");
      assertThat(ws.isOpen()).isTrue();
    }
  }

  // ------------------------------------------------------------------ configuration

  @Test
  void microProfileConfigOverridesTheAnnotationLimits() {
    try (WsClient ws = WsClient.connect(uri("/ws/configured"))) {
      JsonObject limits = payload(ws.awaitSystem("connected")).getJsonObject("limits");
      assertThat(limits.getInt("messageRateLimit")).isEqualTo(3);
      assertThat(limits.getInt("maxMessageSize")).isEqualTo(2048);
    }
  }

  // ------------------------------------------------------------------ origins and handshakes

  @Test
  void originNullMissingAndWildcardRules() throws IOException {
    assertThat(WsClient.to(uri("/ws/origin/any")).origin("null").rejectedStatus()).isEqualTo(403);
    try (WsClient ws = WsClient.to(uri("/ws/origin/any")).origin("https://x.test").connect()) {
      assertThat(ws.awaitSystem("connected")).isNotNull();
    }
    try (WsClient ws = WsClient.to(uri("/ws/origin/sandbox")).origin("null").connect()) {
      assertThat(ws.awaitSystem("connected")).isNotNull();
    }
    assertThat(WsClient.to(uri("/ws/origin/strict")).origin("null").rejectedStatus())
        .isEqualTo(403);
    try (RawWs r = raw("/ws/origin/strict", Map.of())) {
      assertThat(r.status()).as("no Origin, allowMissingOrigin=false").isEqualTo(403);
    }
    try (RawWs r = raw("/ws/origin/any", Map.of())) {
      assertThat(r.status()).as("no Origin, allowMissingOrigin default").isEqualTo(101);
    }
  }

  @Test
  void spoofedHostDecidesNothing() throws IOException {
    try (RawWs r =
        raw(
            "/ws/input",
            Map.of("Host", "evil.example.net", "Origin", "https://evil.example.net"))) {
      assertThat(r.status()).isEqualTo(403);
    }
    try (RawWs r = raw("/ws/input", Map.of("Host", "evil.example.net", "Origin", ALLOWED))) {
      assertThat(r.status()).isEqualTo(101);
      r.sendText("{\"id\":\"e\",\"event\":\"echo\",\"payload\":{\"a\":1}}");
      assertThat(r.awaitText("\"status\":\"ok\"", WsClient.TIMEOUT)).isNotNull();
    }
  }

  @Test
  void handshakeWithoutTheWebSocketKeyIsRefused() throws IOException {
    Map<String, String> noKey = new HashMap<>();
    noKey.put("Sec-WebSocket-Key", null);
    noKey.put("Origin", ALLOWED);
    try (RawWs r = raw("/ws/input", noKey)) {
      System.out.println("[observed] handshake without Sec-WebSocket-Key: HTTP " + r.status());
      assertThat(r.status()).isBetween(400, 499);
    }
    try (WsClient ws = WsClient.to(uri("/ws/input")).origin(ALLOWED).connect()) {
      assertThat(ws.awaitSystem("connected")).isNotNull();
    }
  }

  // ------------------------------------------------------------------ bad input (protocol.md 5.3)

  private WsClient input() {
    WsClient ws = WsClient.to(uri("/ws/input")).origin(ALLOWED).connect();
    ws.awaitSystem("connected");
    return ws;
  }

  /** Sends a frame, expects one error with {@code code}, then proves the connection still works. */
  private static JsonObject expectError(WsClient ws, String frame, String code) {
    ws.send(frame);
    JsonObject err = ws.awaitJson(j -> j.toString().contains("\"code\":\"" + code + "\""));
    String id = "ok-" + System.nanoTime();
    ws.sendEvent(id, "echo", "{\"still\":true}");
    assertThat(payload(ws.awaitAck(id)).getString("status"))
        .as("usable after %s", code)
        .isEqualTo("ok");
    return payload(err);
  }

  @Test
  void malformedJson() {
    try (WsClient ws = input()) {
      assertThat(expectError(ws, "{\"event\":\"echo\",", "WS_MESSAGE_INVALID").getString("message"))
          .contains("malformed JSON");
    }
  }

  @Test
  void jsonNestedTenThousandLevelsDeep() {
    try (WsClient ws = input()) {
      String deep = "[".repeat(10_000) + "]".repeat(10_000);
      String frame = "{\"id\":\"d\",\"event\":\"echo\",\"payload\":{\"x\":" + deep + "}}";
      assertThat(expectError(ws, frame, "WS_MESSAGE_INVALID").getString("message"))
          .contains("nesting deeper than 64 levels");
    }
  }

  @Test
  void hugeNumbersAndStrings() {
    try (WsClient ws = input()) {
      assertThat(
              expectError(
                      ws,
                      "{\"id\":\"n1\",\"event\":\"counts\",\"payload\":{\"n\":1e999999999,\"big\":1}}",
                      "WS_MESSAGE_INVALID")
                  .getString("message"))
          .contains("number out of range");
      assertThat(
              expectError(
                      ws,
                      "{\"id\":\"n2\",\"event\":\"counts\",\"payload\":{\"n\":123456789012345678901234567890,\"big\":1}}",
                      "WS_MESSAGE_INVALID")
                  .getString("message"))
          .contains("field 'n'");
      ws.sendEvent("n3", "counts", "{\"n\":2147483647,\"big\":9223372036854775807}");
      JsonObject ok = payload(ws.awaitAck("n3")).getJsonObject("data");
      assertThat(ok.getJsonNumber("big").longValue()).isEqualTo(Long.MAX_VALUE);
      String text = "x".repeat(30_000);
      ws.sendEvent("s1", "note", "{\"text\":\"" + text + "\",\"flag\":true}");
      assertThat(payload(ws.awaitAck("s1")).getJsonObject("data").getString("text"))
          .hasSize(30_000);
      assertThat(
              expectError(
                      ws,
                      "{\"event\":\"note\",\"payload\":{\"text\":\"" + "y".repeat(40_000) + "\"}}",
                      "WS_PAYLOAD_TOO_LARGE")
                  .getString("message"))
          .contains("(limit: 32768)");
    }
  }

  @Test
  void duplicateKeys() {
    try (WsClient ws = input()) {
      assertThat(
              expectError(
                      ws,
                      "{\"id\":\"k\",\"event\":\"echo\",\"event\":\"counts\"}",
                      "WS_MESSAGE_INVALID")
                  .getString("message"))
          .contains("duplicate key 'event'");
      expectError(
          ws,
          "{\"id\":\"k2\",\"event\":\"echo\",\"payload\":{\"a\":1,\"a\":2}}",
          "WS_MESSAGE_INVALID");
    }
  }

  @Test
  void wrongTypesForPayloadFieldsAndFractionsForIntegers() {
    try (WsClient ws = input()) {
      ws.sendEvent("t1", "counts", "{\"n\":\"many\",\"big\":1}");
      assertThat(payload(ws.awaitAck("t1")).getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      ws.sendEvent("t2", "counts", "{\"n\":1.5,\"big\":1}");
      JsonObject frac = payload(ws.awaitAck("t2"));
      assertThat(frac.getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(frac.getString("message")).contains("field 'n'").contains("integer");
      ws.sendEvent("t3", "counts", "{\"n\":1,\"big\":2.0000001}");
      assertThat(payload(ws.awaitAck("t3")).getString("message")).contains("field 'big'");
      ws.sendEvent("t4", "note", "{\"text\":[1,2],\"flag\":\"yes\"}");
      assertThat(payload(ws.awaitAck("t4")).getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      ws.sendEvent("t5", "counts", "{\"n\":2.0,\"big\":3}");
      assertThat(payload(ws.awaitAck("t5")).getJsonObject("data").getInt("n")).isEqualTo(2);
    }
  }

  @Test
  void invalidUtf8ClosesWith1007AndOthersAreUnharmed() throws IOException {
    try (WsClient bystander = input();
        RawWs r = raw("/ws/input", Map.of("Origin", ALLOWED))) {
      assertThat(r.status()).isEqualTo(101);
      r.send(1, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
      assertThat(r.awaitClose(WsClient.TIMEOUT)).isEqualTo(1007);
      String id = bystander.sendEvent("echo", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
      assertThat(payload(bystander.awaitAck(id)).getString("status")).isEqualTo("ok");
    }
  }

  @Test
  void binaryFrames() {
    try (WsClient ws = input()) {
      ws.sendBinary(new byte[] {1, 2, 3});
      JsonObject err = payload(ws.awaitEvent("error"));
      assertThat(err.getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(err.getString("message")).contains("binary");
      String id = ws.sendEvent("echo", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
      assertThat(payload(ws.awaitAck(id)).getString("status")).isEqualTo("ok");
    }
  }

  @Test
  void emptyFrames() {
    try (WsClient ws = input()) {
      assertThat(expectError(ws, "", "WS_MESSAGE_INVALID").getString("message"))
          .contains("empty message");
    }
  }

  @Test
  void oneByteOverTheLimit() {
    try (WsClient ws = input()) {
      String prefix = "{\"id\":\"x1\",\"event\":\"echo\",\"payload\":{\"x\":\"";
      String suffix = "\"}}";
      String exact = prefix + "a".repeat(32768 - prefix.length() - suffix.length()) + suffix;
      assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(32768);
      ws.send(exact);
      assertThat(payload(ws.awaitAck("x1")).getString("status")).isEqualTo("ok");
      JsonObject err = expectError(ws, exact.replaceFirst("\"a", "\"aa"), "WS_PAYLOAD_TOO_LARGE");
      assertThat(err.getString("message")).contains("32769 bytes (limit: 32768)");
    }
  }

  @Test
  void framesOverTheContainerBufferAndOf100MegabytesAreCutAndTheServerStaysUp() throws IOException {
    try (WsClient bystander = input()) {
      // 200 KB: over the container buffer of this socket (96 KiB). Liberty closes with 1009 at
      // setMaxTextMessageBufferSize. Tyrus (Payara) applies that buffer to fragmented messages
      // only: the unfragmented frame reaches the framework, which answers without parsing it.
      try (RawWs r = raw("/ws/input", Map.of("Origin", ALLOWED))) {
        r.send(
            1,
            ("{\"event\":\"echo\",\"x\":\"" + "b".repeat(200_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        if (Servers.isLiberty()) {
          assertThat(r.awaitClose(WsClient.TIMEOUT)).isEqualTo(1009);
        } else {
          assertThat(r.awaitText("WS_PAYLOAD_TOO_LARGE", WsClient.TIMEOUT))
              .contains("(limit: 32768)");
          r.sendText("{\"id\":\"after\",\"event\":\"echo\",\"payload\":{}}");
          assertThat(r.awaitText("\"after\"", WsClient.TIMEOUT)).contains("\"status\":\"ok\"");
        }
      }
      try (RawWs r = raw("/ws/input", Map.of("Origin", ALLOWED))) {
        assertThat(r.status()).isEqualTo(101);
        long sent = r.sendHuge(1, 100L * 1024 * 1024, (byte) 'a');
        int code = r.awaitClose(Duration.ofSeconds(30));
        System.out.println("[observed] 100 MB frame: close " + code + " after " + sent + " bytes");
        // Liberty: 1009 at its buffer; Payara: 1011 at Tyrus' 4 MiB frame buffer ("Buffer
        // overflow"); either may come as a reset connection (0) that overtakes the close frame
        assertThat(code).as("close code after %s bytes", sent).isIn(1009, 1011, 0);
        assertThat(sent)
            .as("the server stopped reading long before 100 MB")
            .isLessThan(100L * 1024 * 1024);
      }
      String id = bystander.sendEvent("echo", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
      assertThat(payload(bystander.awaitAck(id)).getString("status")).isEqualTo("ok");
    }
  }
}
