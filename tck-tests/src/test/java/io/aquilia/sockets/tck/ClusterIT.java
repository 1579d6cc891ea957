package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aquilia.sockets.redisson.RedisProcess;
import io.aquilia.sockets.tck.cluster.AdminServlet;
import io.aquilia.sockets.tck.cluster.ClusterSocket;
import io.aquilia.sockets.tck.cluster.NewsSocket;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.Health;
import io.aquilia.sockets.tck.support.PeerServer;
import io.aquilia.sockets.tck.support.Prometheus;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two server instances and one real Redis: instance A is Arquillian's server, instance B a second
 * server of the same kind started by the test ({@link PeerServer}), both running the same WAR with
 * the Redis adapter ({@code aquilia.sockets.adapter=redis}, signed messages, a 1 s heartbeat and a
 * 6 s instance TTL). The tests run in order: the last ones stop Redis and kill instance B.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String NS = "/ws/cluster/:room";
  private static final String PREFIX = "tck";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static RedisProcess redis;
  private static PeerServer peer;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return war();
  }

  private static synchronized WebArchive war() {
    if (redis == null) {
      redis = RedisProcess.start();
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("aquilia.sockets.adapter", "redis");
    settings.put("aquilia.sockets.redis.url", redis.url());
    settings.put("aquilia.sockets.redis.prefix", PREFIX);
    settings.put("aquilia.sockets.redis.secret", "tck-shared-secret");
    settings.put("aquilia.sockets.redis.heartbeat", "1");
    settings.put("aquilia.sockets.redis.ttl", "6");
    return Deployments.clusterWar(
        "cluster",
        settings,
        ClusterSocket.class,
        ClusterSocket.Line.class,
        NewsSocket.class,
        AdminServlet.class);
  }

  /** Instance B, started once, on first use. */
  private static synchronized URL peer() {
    if (peer == null) {
      peer = PeerServer.forSuite();
      peer.start(war());
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .until(peer::ready);
      URI probe = WsClient.wsUri(peer.base(), "/ws/cluster/probe");
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                try (WsClient c = WsClient.connect(probe)) {
                  c.awaitSystem("connected");
                  return true;
                }
              });
    }
    return peer.base();
  }

  @AfterAll
  static void stopAll() {
    if (peer != null) {
      peer.stop();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  private WsClient client(URL server, String room, String user) {
    WsClient c = WsClient.connect(WsClient.wsUri(server, "/ws/cluster/" + room + "?user=" + user));
    c.awaitMessage(m -> m.contains("\"event\":\"connected\""), WAIT);
    c.awaitMessage(m -> m.contains("\"event\":\"room.joined\""), WAIT);
    return c;
  }

  private static String id(WsClient c) {
    return c.messages().stream()
        .map(WsClient::parseObject)
        .filter(j -> "connected".equals(WsClient.str(j, "event")))
        .findFirst()
        .orElseThrow()
        .getJsonObject("payload")
        .getString("connectionId");
  }

  private static JsonObject line(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  private static boolean said(String frame, String text) {
    return frame.contains("\"event\":\"said\"") && frame.contains("\"text\":\"" + text + "\"");
  }

  /** Waits until a client sees the presence of a user (proves both instances registered). */
  private static void awaitPresence(WsClient c, String user) {
    c.awaitMessage(
        m ->
            (m.contains("\"event\":\"presence.join\"")
                    || m.contains("\"event\":\"presence.update\""))
                && m.contains("\"key\":\"" + user + "\""),
        WAIT);
  }

  private static JsonObject admin(URL server, String query) throws Exception {
    // loopback only (Payara reports the machine's interface address)
    String url =
        server.toExternalForm().replaceFirst("^(https?://)[^/:]+", "$1127.0.0.1")
            + "admin?"
            + query;
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return WsClient.parseObject(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonObject presenceList(WsClient c, String room) {
    String id = c.sendEvent("presence.list", Json.createObjectBuilder().add("room", room).build());
    JsonObject ack = c.awaitAck(id);
    assertThat(ack.getJsonObject("payload").getString("status")).as(ack.toString()).isEqualTo("ok");
    return ack.getJsonObject("payload").getJsonObject("data");
  }

  @Test
  @Order(1)
  void roomMessagesCrossInstancesIncludingAndExcludingTheSender() {
    URL b = peer();
    try (WsClient alice = client(base, "r1", "alice");
        WsClient bob = client(b, "r1", "bob")) {
      awaitPresence(alice, "bob");

      alice.awaitAck(alice.sendEvent("say", line("hello from A")));
      bob.awaitMessage(m -> said(m, "hello from A"), WAIT);
      alice.awaitMessage(m -> said(m, "hello from A"));

      alice.awaitAck(alice.sendEvent("say.others", line("only others")));
      bob.awaitMessage(m -> said(m, "only others"), WAIT);
      bob.awaitAck(bob.sendEvent("say", line("hello from B")));
      alice.awaitMessage(m -> said(m, "hello from B"), WAIT);
      alice.assertNoMessage(m -> said(m, "only others"), Duration.ofMillis(500));
    }
  }

  @Test
  @Order(2)
  void presenceIsClusterWideAndAUserWithTabsOnBothInstancesIsOneMember() {
    URL b = peer();
    try (WsClient aliceA = client(base, "r2", "alice");
        WsClient aliceB = client(b, "r2", "alice");
        WsClient bob = client(b, "r2", "bob")) {
      aliceA.awaitMessage(
          m -> m.contains("presence.update") && m.contains("\"connections\":2"), WAIT);
      awaitPresence(aliceA, "bob");

      JsonObject state = presenceList(aliceA, "r2");
      assertThat(state.getJsonArray("members")).hasSize(3);
      List<String> presence =
          state.getJsonArray("presence").stream()
              .map(v -> v.asJsonObject())
              .map(p -> p.getString("key") + "/" + p.getInt("connections") + "/" + p.get("meta"))
              .toList();
      assertThat(presence)
          .containsExactly("alice/2/{\"name\":\"alice\"}", "bob/1/{\"name\":\"bob\"}");

      aliceB.close();
      // alice keeps one tab: an update, not a leave
      aliceA.awaitMessage(
          m -> m.contains("presence.update") && m.contains("\"connections\":1"), WAIT);
      bob.close();
      aliceA.awaitMessage(m -> m.contains("presence.leave") && m.contains("\"key\":\"bob\""), WAIT);
      assertThat(presenceList(aliceA, "r2").getJsonArray("presence")).hasSize(1);
      aliceA.assertNoMessage(
          m -> m.contains("presence.leave") && m.contains("\"key\":\"alice\""),
          Duration.ofMillis(300));
    }
  }

  @Test
  @Order(3)
  void kickClosesAConnectionOnTheOtherInstance() throws Exception {
    URL b = peer();
    try (WsClient bob = client(b, "r3", "bob")) {
      String bobId = id(bob);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  admin(base, "op=kick&conn=" + bobId + "&reason=" + enc("bye bob"))
                      .getBoolean("found"));
      CloseReason reason = bob.awaitClose(WAIT);
      assertThat(reason.getCloseCode().getCode()).isEqualTo(4009);
      assertThat(reason.getReasonPhrase()).isEqualTo("bye bob");
      assertThat(admin(base, "op=kick&conn=no-such-connection").getBoolean("found")).isFalse();
    }
  }

  @Test
  @Order(4)
  void purgeEmptiesARoomOnEveryInstanceAndTellsTheMembers() throws Exception {
    URL b = peer();
    try (WsClient alice = client(base, "r4", "alice");
        WsClient bob = client(b, "r4", "bob")) {
      awaitPresence(alice, "bob");
      JsonObject r =
          admin(base, "op=purge&ns=" + enc(NS) + "&room=r4&reason=" + enc("maintenance"));
      assertThat(r.getInt("purged")).as(r.toString()).isEqualTo(1);
      for (WsClient c : List.of(alice, bob)) {
        JsonObject purged = c.awaitEvent("room.purged");
        assertThat(purged.getJsonObject("payload").getString("reason")).isEqualTo("maintenance");
        c.awaitEvent("room.left");
      }
      // they really left: a message to the room reaches nobody, on either instance
      admin(base, "op=broadcast&ns=" + enc(NS) + "&room=r4&event=said&text=after");
      alice.assertNoMessage(m -> said(m, "after"), Duration.ofMillis(500));
      bob.assertNoMessage(m -> said(m, "after"), Duration.ofMillis(500));
    }
  }

  @Test
  @Order(5)
  void aForgedUnsignedMessageIsIgnoredAndCounted() throws Exception {
    URL b = peer();
    try (WsClient alice = client(base, "r5", "alice");
        WsClient bob = client(b, "r5", "bob")) {
      awaitPresence(alice, "bob");
      long before = admin(b, "op=stats").getJsonNumber("dropped.unsigned").longValue();
      String channel = PREFIX + ":r:" + NS.length() + ":" + NS + ":r5";
      String forged =
          "-\n{\"v\":1,\"k\":\"e\",\"i\":\"intruder\",\"p\":\""
              + PREFIX
              + "\",\"ns\":\""
              + NS
              + "\",\"r\":\"r5\"}\n"
              + "{\"id\":null,\"type\":\"event\",\"event\":\"said\",\"payload\":{\"text\":\"forged\"},"
              + "\"meta\":{},\"ack\":false}";
      assertThat(redis.command("PUBLISH", channel, forged)).isIn(":1", ":2");
      await()
          .atMost(WAIT)
          .until(() -> admin(b, "op=stats").getJsonNumber("dropped.unsigned").longValue() > before);
      bob.assertNoMessage(m -> said(m, "forged"), Duration.ofMillis(300));
      alice.assertNoMessage(m -> said(m, "forged"), Duration.ofMillis(300));
      // genuine traffic still flows
      alice.awaitAck(alice.sendEvent("say", line("genuine")));
      bob.awaitMessage(m -> said(m, "genuine"), WAIT);
    }
  }

  private WsClient news(URL server) {
    WsClient c = WsClient.connect(WsClient.wsUri(server, "/ws/news/feed"));
    c.awaitMessage(m -> m.contains("\"event\":\"room.joined\""), WAIT);
    return c;
  }

  private static JsonObject recover(WsClient c, String epoch, long offset) {
    return c.recover("feed", epoch, offset);
  }

  @Test
  @Order(6)
  void aClientThatReconnectsRecoversWhatItMissedOrIsToldItCannot() {
    URL b = peer();
    String epoch;
    long offset;
    try (WsClient writer = news(base)) {
      try (WsClient reader = news(b)) {
        writer.awaitAck(writer.sendEvent("post", line("n1")));
        JsonObject n1 = reader.awaitJson(j -> "news".equals(WsClient.str(j, "event")), WAIT);
        assertThat(n1.getJsonObject("payload").getString("text")).isEqualTo("n1");
        epoch = n1.getJsonObject("meta").getString("epoch");
        offset = n1.getJsonObject("meta").getJsonNumber("offset").longValue();
        assertThat(epoch).isNotBlank();
      }
      // the reader is gone while two more are published
      writer.awaitAck(writer.sendEvent("post", line("n2")));
      writer.awaitAck(writer.sendEvent("post", line("n3")));
      writer.awaitMessage(m -> m.contains("\"text\":\"n3\""));
    }
    // it comes back on the other instance, with its last epoch and offset
    try (WsClient reader = news(base)) {
      JsonObject answer = recover(reader, epoch, offset);
      assertThat(answer.getBoolean("recovered")).isTrue();
      assertThat(answer.getInt("replayed")).isEqualTo(2);
      assertThat(answer.getJsonNumber("offset").longValue()).isEqualTo(offset + 2);
      List<JsonObject> replayed = reader.events("news");
      assertThat(replayed)
          .extracting(j -> j.getJsonObject("payload").getString("text"))
          .containsExactly("n2", "n3");
      assertThat(replayed)
          .extracting(j -> j.getJsonObject("meta").getJsonNumber("offset").longValue())
          .containsExactly(offset + 1, offset + 2);
      // nothing missed: recovered, nothing replayed
      assertThat(recover(reader, epoch, offset + 2).getInt("replayed")).isZero();
      // another epoch (e.g. Redis lost the history): an explicit "not recovered"
      JsonObject lost = recover(reader, "other-epoch", offset);
      assertThat(lost.getBoolean("recovered")).isFalse();
      assertThat(lost.getInt("replayed")).isZero();
      assertThat(lost.getString("epoch")).isEqualTo(epoch);
      // a bad offset is answered with an error, not a guess
      String bad =
          reader.sendEvent(
              "room.recover",
              Json.createObjectBuilder().add("room", "feed").add("offset", -1).build());
      assertThat(reader.awaitAck(bad).getJsonObject("payload").getString("code"))
          .isEqualTo("WS_MESSAGE_INVALID");
      String notMember =
          reader.sendEvent(
              "room.recover",
              Json.createObjectBuilder().add("room", "elsewhere").add("offset", 0).build());
      assertThat(reader.awaitAck(notMember).getJsonObject("payload").getString("code"))
          .isEqualTo("WS_NOT_SUBSCRIBED");
    }
  }

  @Test
  @Order(7)
  void redisStoppedAndRestartedMidTrafficDeliveryResumes() throws Exception {
    URL b = peer();
    try (WsClient alice = client(base, "r6", "alice");
        WsClient bob = client(b, "r6", "bob")) {
      awaitPresence(alice, "bob");
      alice.awaitAck(alice.sendEvent("say", line("before")));
      bob.awaitMessage(m -> said(m, "before"), WAIT);

      redis.stop();
      await().atMost(WAIT).until(() -> admin(base, "op=stats").getInt("up") == 0);
      // local delivery continues while Redis is down
      alice.awaitAck(alice.sendEvent("say", line("during")));
      alice.awaitMessage(m -> said(m, "during"));
      // readiness goes DOWN with the reason, liveness stays UP
      JsonObject ready = Health.read(base, "/health/ready");
      assertThat(ready.getString("status")).isEqualTo("DOWN");
      JsonObject adapterCheck = Health.check(ready, "aquilia-sockets-adapter");
      assertThat(adapterCheck.getString("status")).isEqualTo("DOWN");
      assertThat(adapterCheck.getJsonObject("data").getString("adapter")).isEqualTo("redis");
      assertThat(adapterCheck.getJsonObject("data").getString("reason")).isNotBlank();
      assertThat(
              Health.check(Health.read(base, "/health/live"), "aquilia-sockets")
                  .getString("status"))
          .isEqualTo("UP");

      redis.startAgain();
      // delivery across instances resumes without a restart
      int[] n = {0};
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                alice.sendEvent("say", line("after-" + n[0]++));
                return bob.hasPending(m -> m.contains("\"text\":\"after-"));
              });
      // and the other direction
      bob.awaitAck(bob.sendEvent("say", line("back from B")));
      alice.awaitMessage(m -> said(m, "back from B"), WAIT);
      // Redis lost its data: the instances registered their members again
      await()
          .atMost(WAIT)
          .until(() -> presenceList(alice, "r6").getJsonArray("presence").size() == 2);
      // operators see it in the metrics: the reconnect, traffic both ways, the members
      String metrics = Prometheus.scrape(base);
      String redisAdapter = "adapter=\"redis\"";
      assertThat(Prometheus.value(metrics, "aquilia_sockets_adapter_reconnects", redisAdapter))
          .isGreaterThanOrEqualTo(1);
      assertThat(Prometheus.value(metrics, "aquilia_sockets_adapter_published", redisAdapter))
          .isPositive();
      assertThat(Prometheus.value(metrics, "aquilia_sockets_adapter_received", redisAdapter))
          .isPositive();
      assertThat(
              Prometheus.value(metrics, "aquilia_sockets_adapter_skipped_while_down", redisAdapter))
          .isPositive();
      assertThat(Prometheus.value(metrics, "aquilia_sockets_adapter_up", redisAdapter))
          .isEqualTo(1);
      assertThat(Prometheus.value(metrics, "aquilia_sockets_room_members", "socket=\"" + NS + "\""))
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  @Order(8)
  void membersOfAKilledInstanceLeavePresence() {
    URL b = peer();
    try (WsClient alice = client(base, "r7", "alice");
        WsClient bob = client(b, "r7", "bob")) {
      awaitPresence(alice, "bob");
      peer.kill();
      bob.awaitClose(WAIT);
      alice.awaitMessage(m -> m.contains("presence.leave") && m.contains("\"key\":\"bob\""), WAIT);
      assertThat(presenceList(alice, "r7").getJsonArray("presence")).hasSize(1);
      // nothing is delivered towards the dead instance any more: publishing still works
      alice.awaitAck(alice.sendEvent("say", line("alone")));
      alice.awaitMessage(m -> said(m, "alone"));
    }
  }
}
