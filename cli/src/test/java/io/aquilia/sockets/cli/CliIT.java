package io.aquilia.sockets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code aq ws} against a live Open Liberty running the sample chat with the admin endpoint on
 * (token from MicroProfile Config, a system property of the server): inspect offline and live,
 * broadcast, kick, wrong tokens, unknown targets, and the audit log.
 */
class CliIT {

  static final String URL = System.getProperty("cli.it.url", "http://localhost:19083/chat");
  static final String TOKEN = System.getProperty("cli.it.token");
  static final Path LOG = Path.of(System.getProperty("cli.it.log", "messages.log"));
  static final Path WAR =
      Path.of(System.getProperty("cli.it.war", "../sample-war/target/chat.war"));
  static final String NS = "/ws/chat/:room";

  @BeforeAll
  static void serverIsUp() {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            adminRequest("/_aquilia/admin/sockets").build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  static AqTest.Result aq(String... args) {
    return AqTest.aq(args);
  }

  /** A request to the admin endpoint with the right token. */
  static HttpRequest.Builder adminRequest(String path) {
    return HttpRequest.newBuilder(URI.create(URL + path))
        .header("Authorization", "Bearer " + TOKEN);
  }

  /** {@code aq ws <command> --url URL --token TOKEN <rest>}: a command as the operator runs it. */
  static AqTest.Result admin(String command, String... rest) {
    List<String> args = new ArrayList<>(List.of("ws", command, "--url", URL, "--token", TOKEN));
    args.addAll(List.of(rest));
    return AqTest.aq(args.toArray(String[]::new));
  }

  /**
   * The document without what only the running server knows: the live block, and the allowed
   * origins, which the IT server overrides through MicroProfile Config (see the cli pom).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withoutLive(Map<String, Object> doc) {
    Map<String, Object> copy = (Map<String, Object>) JsonText.parse(JsonText.compact(doc));
    for (Map<String, Object> s : (List<Map<String, Object>>) copy.get("sockets")) {
      s.remove("live");
      ((Map<String, Object>) s.get("limits")).remove("allowedOrigins");
    }
    return copy;
  }

  @Test
  @SuppressWarnings("unchecked")
  void inspectOfflineLiveAndBuildTimeDescribeTheSameSockets() throws Exception {
    AqTest.Result table = aq("ws", "inspect", WAR.toString());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("Socket /ws/chat/:room")
        .containsPattern("message\\.send +in +event +ack,validated +ChatMessage +Receipt")
        .containsPattern("message\\.new +out +emit +- +ChatLine");
    Map<String, Object> offline =
        (Map<String, Object>) JsonText.parse(aq("ws", "inspect", WAR.toString(), "--json").out());
    AqTest.Result live = admin("inspect", "--json");
    assertThat(live.code()).as(live.err()).isZero();
    Map<String, Object> liveDoc = (Map<String, Object>) JsonText.parse(live.out());
    assertThat(withoutLive(liveDoc)).isEqualTo(withoutLive(offline));
    Map<String, Object> liveSocket = ((List<Map<String, Object>>) liveDoc.get("sockets")).get(0);
    assertThat(((Map<String, Object>) liveSocket.get("limits")).get("allowedOrigins"))
        .as("the override in force")
        .isEqualTo(List.of(URL.replaceFirst("/chat$", "")));
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      var entry = war.getEntry("WEB-INF/classes/META-INF/aquilia-sockets/sockets.json");
      assertThat(entry).as("build-time metadata in the WAR").isNotNull();
      String buildTime =
          new String(war.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(JsonText.parse(buildTime)).isEqualTo(offline);
      assertThat(war.getEntry("WEB-INF/classes/META-INF/aquilia-sockets/asyncapi.json"))
          .isNotNull();
    }
  }

  @Test
  void inspectLiveCountsAndListsConnections() {
    try (LiveWs a = LiveWs.chat(URL, "inspect-room", "ann");
        LiveWs b = LiveWs.chat(URL, "inspect-room", "bob")) {
      AqTest.Result r = admin("inspect");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .containsPattern("connections +\\d+")
          .contains(a.connectionId(), b.connectionId());
    }
  }

  @Test
  void broadcastReachesEveryConnectedClient() {
    try (LiveWs a = LiveWs.chat(URL, "room-a", "ann");
        LiveWs b = LiveWs.chat(URL, "room-b", "bob")) {
      AqTest.Result r =
          admin(
              "broadcast",
              "--namespace",
              NS,
              "--event",
              "maintenance",
              "--payload",
              "{\"at\":\"22:00\",\"minutes\":5}");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .startsWith("Broadcast 'maintenance' to namespace /ws/chat/:room: delivered to ");
      for (LiveWs c : List.of(a, b)) {
        assertThat(c.awaitEvent("maintenance").get("payload"))
            .isEqualTo(Map.of("at", "22:00", "minutes", 5L));
      }
    }
  }

  @Test
  void broadcastToARoomReachesOnlyItsMembers() {
    try (LiveWs a = LiveWs.chat(URL, "bc-red", "ann");
        LiveWs b = LiveWs.chat(URL, "bc-blue", "bob")) {
      a.awaitEvent("room.joined");
      b.awaitEvent("room.joined");
      AqTest.Result r =
          admin(
              "broadcast",
              "--namespace",
              NS,
              "--room",
              "bc-red",
              "--event",
              "alert",
              "--payload",
              "\"red only\"");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .isEqualTo(
              "Broadcast 'alert' to room bc-red of /ws/chat/:room: delivered to 1 connection(s)\n");
      assertThat(a.awaitEvent("alert").get("payload")).isEqualTo("red only");
      // a namespace broadcast afterwards is a barrier: b sees it, and nothing before it
      admin("broadcast", "--namespace", NS, "--event", "barrier");
      b.awaitEvent("barrier");
      assertThat(b.messages).noneMatch(m -> "alert".equals(m.get("event")));
      AqTest.Result none =
          admin("broadcast", "--namespace", NS, "--room", "bc-nobody", "--event", "alert");
      assertThat(none.code()).isEqualTo(5);
      assertThat(none.err()).startsWith("aq: ADMIN_ROOM_NOT_FOUND: No room 'bc-nobody'");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void purgeRoomRemovesEveryMemberAndTheRoomIsGone() {
    try (LiveWs a = LiveWs.chat(URL, "purge-me", "ann");
        LiveWs b = LiveWs.chat(URL, "purge-me", "bob")) {
      a.awaitEvent("room.joined");
      b.awaitEvent("room.joined");
      AqTest.Result live = admin("inspect");
      assertThat(live.out()).containsPattern("live rooms .*purge-me \\(2\\)");
      AqTest.Result r = admin("purge-room", "--namespace", NS, "--room", "purge-me");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .isEqualTo("Purged room purge-me of /ws/chat/:room: 2 member connection(s) removed\n");
      for (LiveWs c : List.of(a, b)) {
        assertThat(c.awaitEvent("room.purged").get("payload"))
            .isEqualTo(Map.of("room", "purge-me", "reason", "purged by admin"));
        assertThat(c.awaitEvent("room.left").get("payload")).isEqualTo(Map.of("room", "purge-me"));
      }
      // the connections stay open, outside the room: the sample refuses a message to it
      a.send(
          "{\"id\":\"p1\",\"event\":\"message.send\",\"payload\":{\"room\":\"purge-me\",\"text\":\"anyone?\"}}");
      Map<String, Object> ack = a.await(m -> "p1".equals(m.get("id")));
      assertThat(((Map<String, Object>) ack.get("payload")).get("code"))
          .isEqualTo("WS_NOT_SUBSCRIBED");
      AqTest.Result again = admin("purge-room", "--namespace", NS, "--room", "purge-me");
      assertThat(again.code()).isEqualTo(5);
      assertThat(again.err())
          .isEqualTo(
              "aq: ADMIN_ROOM_NOT_FOUND: No room 'purge-me' in namespace '/ws/chat/:room' (it has no members)\n");
    }
  }

  @Test
  void kickClosesTheConnectionWith4009AndTheReason() throws Exception {
    try (LiveWs a = LiveWs.chat(URL, "kick-room", "mallory")) {
      String id = a.connectionId();
      AqTest.Result r = admin("kick", "--conn", id, "--reason", "spam");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .isEqualTo("Closed connection " + id + " of namespace /ws/chat/:room with 4009 (spam)\n");
      assertThat(a.closeCode.get(10, java.util.concurrent.TimeUnit.SECONDS)[0]).isEqualTo(4009);
      assertThat(a.closeReason).isEqualTo("spam");
      AqTest.Result again = admin("kick", "--conn", id);
      assertThat(again.code()).isEqualTo(5);
      assertThat(again.err())
          .isEqualTo("aq: ADMIN_CONNECTION_NOT_FOUND: No open connection with id '" + id + "'\n");
    }
  }

  @Test
  void unknownNamespaceIsNotFound() {
    AqTest.Result r = admin("broadcast", "--namespace", "/nope", "--event", "x");
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.err())
        .isEqualTo(
            "aq: ADMIN_NAMESPACE_NOT_FOUND: No socket namespace '/nope'; known: [/ws/chat/:room]\n");
  }

  @Test
  void aWrongOrMissingTokenIsRefusedAndAudited() throws Exception {
    String marker = "wrong-token-" + System.nanoTime();
    for (String[] args :
        List.of(
            new String[] {"ws", "inspect", "--url", URL, "--token", marker},
            new String[] {"ws", "kick", "--url", URL, "--token", marker, "--conn", "x"},
            new String[] {
              "ws", "broadcast", "--url", URL, "--token", marker, "--namespace", NS, "--event", "e"
            },
            new String[] {"ws", "kick", "--url", URL, "--token", "", "--conn", "x"})) {
      AqTest.Result r = aq(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(4);
      assertThat(r.err()).startsWith("aq: ADMIN_UNAUTHORIZED: missing or wrong admin token");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(LOG).contains("AQS-161 Admin audit: POST kick from "));
    String log = Files.readString(LOG);
    assertThat(log)
        .containsPattern("AQS-161 Admin audit: GET sockets from \\S+ -> 401 ADMIN_UNAUTHORIZED");
    assertThat(log)
        .containsPattern("AQS-161 Admin audit: POST broadcast from \\S+ -> 401 ADMIN_UNAUTHORIZED");
    assertThat(log).contains("AQS-160 Admin endpoint enabled at /chat/_aquilia/admin");
    assertThat(log).doesNotContain(marker).doesNotContain(TOKEN);
  }

  @Test
  void theAdminEndpointAnswersJsonErrorsForBadRequests() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Integer> cases = new LinkedHashMap<>();
    cases.put("{not json", 400);
    cases.put("[1]", 400);
    cases.put("{\"namespace\":1,\"event\":\"e\"}", 400);
    cases.put("{\"namespace\":\"/ws/chat/:room\",\"event\":\"bad event\"}", 400);
    for (var c : cases.entrySet()) {
      HttpResponse<String> r =
          http.send(
              adminRequest("/_aquilia/admin/broadcast")
                  .POST(HttpRequest.BodyPublishers.ofString(c.getKey()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(r.body()).contains("\"error\": \"ADMIN_BAD_REQUEST\"");
    }
    HttpResponse<String> get =
        http.send(
            adminRequest("/_aquilia/admin/kick").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    HttpResponse<String> unknown =
        http.send(
            adminRequest("/_aquilia/admin/reboot").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("ADMIN_NOT_FOUND");
  }
}
