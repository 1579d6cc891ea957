package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.GuardContext;
import io.aquilia.sockets.RateLimitExempt;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.SocketGuard;
import io.aquilia.sockets.SocketMiddleware;
import io.aquilia.sockets.UseGuards;
import io.aquilia.sockets.UseMiddleware;
import io.aquilia.sockets.spi.Identity;
import io.aquilia.sockets.spi.TokenAuthenticator;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protection of a socket without a container: door decisions (origin, token, quotas, tickets),
 * the rate limit, guard beans and roles, and middleware order and short-circuits.
 */
class ProtectionTest {

  static final List<String> TRAIL = new CopyOnWriteArrayList<>();

  /** Tokens: alice (member), root (admin). */
  static final TokenAuthenticator TOKENS =
      (token, path) ->
          switch (token) {
            case "alice" -> Optional.of(Identity.of("alice", "member"));
            case "root" -> Optional.of(Identity.of("root", "member", "admin"));
            case "banned" -> throw SocketFault.forbidden("banned");
            default -> Optional.empty();
          };

  /** A guard bean: denies the connection whose query has deny=1. */
  @Guard(
      priority = 1,
      stages = {Guard.Stage.CONNECT, Guard.Stage.EVENT})
  public static class DenyParam implements SocketGuard {
    @Override
    public boolean allow(GuardContext ctx) {
      TRAIL.add("guard " + ctx.stage());
      return ctx.connection().queryParam("deny").isEmpty();
    }
  }

  /** Outer middleware. */
  @Priority(1)
  public static class Outer implements SocketMiddleware {
    @Override
    public void onConnect(Connection c) {
      TRAIL.add("outer connect");
    }

    @Override
    public Object onMessage(Connection c, Envelope e, Next next) throws Exception {
      TRAIL.add("outer before " + e.event());
      Object r = next.proceed();
      TRAIL.add("outer after " + r);
      return r;
    }

    @Override
    public void onDisconnect(Connection c, CloseStatus s) {
      TRAIL.add("outer disconnect " + s.code());
    }
  }

  /** Inner middleware. */
  @Priority(2)
  public static class Inner implements SocketMiddleware {
    @Override
    public void onDisconnect(Connection c, CloseStatus s) {
      TRAIL.add("inner disconnect");
    }
  }

  /** Answers by itself. */
  public static class Shortcut implements SocketMiddleware {
    @Override
    public Object onMessage(Connection c, Envelope e, Next next) {
      return "short";
    }
  }

  @Socket(
      value = "/ws/p",
      allowedOrigins = "https://app.example.com",
      allowMissingOrigin = false,
      messageRateLimit = 2,
      rateLimitBurst = 3,
      rateLimitCloseAfter = 4,
      maxConnections = 2,
      maxConnectionsPerUser = 1,
      heartbeatInterval = 0)
  @UseGuards(DenyParam.class)
  @UseMiddleware({Inner.class, Outer.class})
  public static class P extends SocketController {
    @AckEvent("hit")
    public String hit() {
      TRAIL.add("handler hit");
      return "ok";
    }

    @AckEvent("free")
    @RateLimitExempt
    public String free() {
      return "free";
    }

    @AckEvent("admin")
    @RolesAllowed("admin")
    public String admin() {
      return "admin ok";
    }

    @AckEvent("short")
    @UseMiddleware(Shortcut.class)
    public String shortcut() {
      throw new IllegalStateException("not reached");
    }
  }

  static Jsonb jsonb;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  SocketRuntime runtime;
  LiveSocket socket;

  @BeforeAll
  static void json() {
    jsonb = JsonbBuilder.create();
  }

  @AfterAll
  static void close() throws Exception {
    jsonb.close();
  }

  ProtectionTest() {
    DeploymentModel d = DeploymentModel.of(List.of(P.class));
    assertThat(d.problems().messages()).isEmpty();
    Components components =
        new Components() {
          @Override
          public Object instance(Class<?> type) {
            return Components.NONE.instance(type);
          }

          @Override
          public List<Named<SocketMiddleware>> globalMiddleware() {
            return List.of();
          }

          @Override
          public Optional<TokenAuthenticator> authenticator() {
            return Optional.of(TOKENS);
          }
        };
    runtime = new SocketRuntime(d.models(), m -> new P(), components, jsonb, null, clock, false);
    socket = runtime.sockets().get(0);
    TRAIL.clear();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private static DoorRequest request(String origin, String token, String ip) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    if (origin != null) {
      h.put("Origin", List.of(origin));
    }
    if (token != null) {
      h.put("Authorization", List.of("Bearer " + token));
    }
    return new DoorRequest(h, Map.of(), ip, null, null);
  }

  private DoorDecision door(String key, String origin, String token) {
    return socket.protection().door(key, request(origin, token, "10.0.0.1"));
  }

  private static int status(DoorDecision d) {
    return d instanceof DoorDecision.Refused r ? r.status() : 101;
  }

  private RuntimeConnection open(FakeTransport t, String key, String query) {
    Admission a = socket.protection().claim(key);
    Map<String, List<String>> q = query == null ? Map.of() : Map.of(query, List.of("1"));
    return socket.open(t, HandshakeInfo.admitted("/ws/p", Map.of(), q, Map.of(), null, a));
  }

  @Test
  void theDoorChecksOriginThenTokenThenQuotas() {
    assertThat(status(door("k0", "https://evil.example.com", "alice"))).isEqualTo(403);
    assertThat(status(door("k0", null, "alice"))).as("missing origin refused").isEqualTo(403);
    assertThat(status(door("k0", "null", "alice"))).isEqualTo(403);
    assertThat(status(door("k0", "https://app.example.com", "nobody"))).isEqualTo(401);
    assertThat(status(door("k0", "https://app.example.com", "banned"))).isEqualTo(403);
    assertThat(status(door("k1", "https://app.example.com", "alice"))).isEqualTo(101);
    assertThat(status(door("k2", "https://app.example.com", "alice")))
        .as("maxConnectionsPerUser 1")
        .isEqualTo(429);
    assertThat(status(door("k3", "https://app.example.com", "root"))).isEqualTo(101);
    assertThat(status(door("k4", "https://app.example.com", null)))
        .as("maxConnections 2")
        .isEqualTo(429);
    assertThat(socket.protection().counters().snapshot().handshakesRefused()).isEqualTo(7);
  }

  @Test
  void aTicketCarriesTheIdentityAndTheSlotIsReleasedOnClose() {
    assertThat(status(door("k1", "https://app.example.com", "alice"))).isEqualTo(101);
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t, "k1", null);
    assertThat(c.principal().get().getName()).isEqualTo("alice");
    assertThat(c.isUserInRole("member")).isTrue();
    assertThat(c.isUserInRole("admin")).isFalse();
    assertThat(c.remoteAddress()).contains("10.0.0.1");
    assertThat(status(door("k2", "https://app.example.com", "alice"))).isEqualTo(429);
    socket.closed(c, CloseStatus.NORMAL);
    assertThat(status(door("k3", "https://app.example.com", "alice"))).isEqualTo(101);
  }

  @Test
  void unclaimedTicketsExpireAndReleaseTheirSlot() {
    assertThat(status(door("k1", "https://app.example.com", "alice"))).isEqualTo(101);
    assertThat(status(door("k2", "https://app.example.com", "alice"))).isEqualTo(429);
    clock.advance(Duration.ofMillis(Tickets.TTL_MILLIS + 1));
    assertThat(status(door("k3", "https://app.example.com", "alice"))).isEqualTo(101);
    assertThat(socket.protection().claim("k1")).isNull();
  }

  @Test
  void aDuplicateHandshakeKeyInFlightIsRefused() {
    assertThat(status(door("same", "https://app.example.com", "alice"))).isEqualTo(101);
    assertThat(status(door("same", "https://app.example.com", "root"))).isEqualTo(429);
    assertThat(socket.protection().openSlots()).isEqualTo(1);
  }

  @Test
  void withoutATicketTheQuotaIsCheckedAsTheConnectionOpens() {
    RuntimeConnection a = open(FakeTransport.synchronous(), "none", null);
    RuntimeConnection b = open(FakeTransport.synchronous(), "none", null);
    FakeTransport t = FakeTransport.synchronous();
    open(t, "none", null);
    assertThat(t.closeCode).isEqualTo(1008);
    assertThat(t.closeReason).contains("maxConnections (2) reached");
    assertThat(a.isOpen() && b.isOpen()).isTrue();
    assertThat(socket.protection().counters().snapshot().refusedAfterUpgrade()).isEqualTo(1);
  }

  @Test
  void rateLimitAnswersThenClosesAfterRepeatedViolationsAndRefills() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t, "none", null);
    for (int i = 0; i < 3; i++) {
      socket.frame(c, socket.codec().decode("{\"id\":\"h" + i + "\",\"event\":\"hit\"}", 1024));
      assertThat(t.last()).contains("\"status\":\"ok\"");
    }
    socket.frame(c, socket.codec().decode("{\"id\":\"x\",\"event\":\"hit\"}", 1024));
    assertThat(t.lastJson().getJsonObject("payload").getString("code"))
        .isEqualTo("WS_RATE_LIMIT_EXCEEDED");
    socket.frame(c, socket.codec().decode("{\"id\":\"f\",\"event\":\"free\"}", 1024));
    assertThat(t.last()).contains("\"data\":\"free\"");
    clock.advance(Duration.ofMillis(500));
    socket.frame(c, socket.codec().decode("{\"id\":\"y\",\"event\":\"hit\"}", 1024));
    assertThat(t.last()).contains("\"status\":\"ok\"");
    for (int i = 0; i < 3; i++) {
      socket.frame(c, socket.codec().decode("{\"id\":\"z\",\"event\":\"hit\"}", 1024));
    }
    assertThat(t.closeCode).as("4 violations without a full refill").isEqualTo(1008);
    assertThat(t.texts().get(t.texts().size() - 1)).contains("WS_RATE_LIMIT_EXCEEDED");
    SocketCounters.Snapshot s = socket.protection().counters().snapshot();
    assertThat(s.rateLimited()).isEqualTo(4);
    assertThat(s.rateLimitCloses()).isEqualTo(1);
  }

  @Test
  void malformedFramesCountAgainstTheLimit() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t, "none", null);
    for (int i = 0; i < 4; i++) {
      socket.frame(c, socket.codec().decode("{nope", 1024));
    }
    assertThat(t.last()).contains("WS_RATE_LIMIT_EXCEEDED");
    assertThat(socket.protection().counters().snapshot().invalidMessages()).isEqualTo(4);
  }

  @Test
  void guardBeanAndRolesAndMiddlewareOrder() throws Exception {
    FakeTransport denied = FakeTransport.synchronous();
    open(denied, "none", "deny");
    assertThat(denied.closeCode).isEqualTo(1008);
    assertThat(denied.closeReason).contains("DenyParam");
    assertThat(TRAIL).containsExactly("guard CONNECT");
    assertThat(socket.protection().openSlots()).as("a refused connection frees its slot").isZero();
    TRAIL.clear();

    assertThat(status(door("r", "https://app.example.com", "root"))).isEqualTo(101);
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t, "r", null);
    assertThat(TRAIL).containsExactly("guard CONNECT", "outer connect");
    TRAIL.clear();
    socket.frame(c, socket.codec().decode("{\"id\":\"1\",\"event\":\"hit\"}", 1024));
    assertThat(TRAIL)
        .containsExactly("outer before hit", "guard EVENT", "handler hit", "outer after ok");
    socket.frame(c, socket.codec().decode("{\"id\":\"2\",\"event\":\"short\"}", 1024));
    assertThat(t.last()).contains("\"data\":\"short\"");
    socket.frame(c, socket.codec().decode("{\"id\":\"3\",\"event\":\"admin\"}", 1024));
    assertThat(t.last()).contains("admin ok");
    TRAIL.clear();
    socket.closed(c, new CloseStatus(4000, "bye"));
    assertThat(TRAIL).containsExactly("inner disconnect", "outer disconnect 4000");
    assertThat(socket.protection().counters().snapshot().shortCircuits()).isEqualTo(1);
  }

  @Test
  void rolesAllowedDeniesPerMessageWithForbidden() {
    assertThat(status(door("a", "https://app.example.com", "alice"))).isEqualTo(101);
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(t, "a", null);
    socket.frame(c, socket.codec().decode("{\"id\":\"3\",\"event\":\"admin\"}", 1024));
    JsonObject p = t.lastJson().getJsonObject("payload");
    assertThat(p.getString("code")).isEqualTo("WS_FORBIDDEN");
    assertThat(p.getString("message")).contains("[admin]");
    assertThat(c.isOpen()).isTrue();
    assertThat(socket.protection().counters().snapshot().guardDenials()).isEqualTo(1);
  }

  @Test
  void tokensAreRemovedFromWhatTheApplicationSees() {
    HandshakeInfo h =
        HandshakeInfo.admitted(
            "/ws/p",
            Map.of(),
            Map.of("access_token", List.of("t"), "x", List.of("1")),
            Map.of(
                "Authorization", List.of("Bearer t"),
                "Sec-WebSocket-Protocol", List.of("bearer, t")),
            null,
            null);
    assertThat(h.queryParams()).containsOnlyKeys("x");
    assertThat(h.headers()).doesNotContainKey("Authorization");
    assertThat(h.headers().get("Sec-WebSocket-Protocol")).containsExactly("bearer");
    List<String> found = new ArrayList<>();
    Credentials.token(
            new DoorRequest(
                Map.of("Sec-WebSocket-Protocol", List.of("chat, bearer, abc")),
                Map.of(),
                null,
                null,
                null))
        .ifPresent(found::add);
    assertThat(found).containsExactly("abc");
  }
}
