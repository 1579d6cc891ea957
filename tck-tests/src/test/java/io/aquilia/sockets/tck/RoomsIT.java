package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aquilia.sockets.tck.rooms.CloseSocket;
import io.aquilia.sockets.tck.rooms.DropSocket;
import io.aquilia.sockets.tck.rooms.FloodSocket;
import io.aquilia.sockets.tck.rooms.PushServlet;
import io.aquilia.sockets.tck.rooms.RoomChatSocket;
import io.aquilia.sockets.tck.support.CountingClient;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.RawWs;
import io.aquilia.sockets.tck.support.Servers;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rooms, presence and the delivery engine on a real server with real WebSocket clients: two clients
 * in a room, exclude-sender, leave, presence diffs with metadata, one user with two tabs, refused
 * joins, pushing from a servlet, streaming replies, a slow consumer among 50 fast ones (dropped or
 * closed per policy), and server stop sending 1001.
 *
 * <p>The deployment is deployed by the test ({@code managed = false}) so that the last test can
 * undeploy it with clients connected: on Liberty that stops the application, on Payara Micro it
 * stops the server process (the adapter runs one Micro per deployment).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomsIT {

  static final String NAME = "rooms";
  static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  @Deployment(name = NAME, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war(
        NAME,
        RoomChatSocket.class,
        RoomChatSocket.Say.class,
        RoomChatSocket.JoinRequest.class,
        FloodSocket.class,
        FloodSocket.Flood.class,
        DropSocket.class,
        CloseSocket.class,
        PushServlet.class);
  }

  @ArquillianResource Deployer deployer;

  private static Deployer deployed;

  @BeforeEach
  void deployed() {
    if (deployed == null) {
      deployer.deploy(NAME);
      deployed = deployer;
    }
  }

  @AfterAll
  static void undeploy() {
    if (deployed != null) {
      deployed.undeploy(NAME);
      deployed = null;
    }
  }

  private static URL base() {
    return Servers.baseUrl(NAME);
  }

  private static URI uri(String path) {
    return WsClient.wsUri(base(), path);
  }

  private static JsonObject payload(JsonObject j) {
    return j.getJsonObject("payload");
  }

  private static String room() {
    return "r-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Connects to a room of the chat socket and waits for the automatic join. */
  private static WsClient chat(String room, String query) {
    WsClient ws = WsClient.connect(uri("/ws/rooms/" + room + (query.isEmpty() ? "" : "?" + query)));
    ws.awaitEvent("room.joined");
    return ws;
  }

  private static JsonObject okData(WsClient ws, String id) {
    JsonObject p = payload(ws.awaitAck(id));
    assertThat(p.getString("status")).as("ack %s: %s", id, p).isEqualTo("ok");
    return p.getJsonObject("data");
  }

  private static JsonObject error(WsClient ws, String id) {
    JsonObject p = payload(ws.awaitAck(id));
    assertThat(p.getString("status")).as("ack %s: %s", id, p).isEqualTo("error");
    return p;
  }

  private static JsonObject member(JsonObject presenceEvent) {
    return payload(presenceEvent).getJsonObject("member");
  }

  private static List<String> strings(JsonArray a) {
    return a.getValuesAs(JsonString::getString);
  }

  private static String say(String room, String text, boolean echo) {
    return "{\"room\":\"" + room + "\",\"text\":\"" + text + "\",\"echo\":" + echo + "}";
  }

  // ---------------------------------------------------------------- rooms

  @Test
  @Order(1)
  void twoClientsInARoomExchangeMessagesAndOtherRoomsHearNothing() {
    String room = room();
    try (WsClient a = chat(room, "");
        WsClient b = chat(room, "");
        WsClient elsewhere = chat(room(), "")) {
      a.sendEvent("s1", "say", say(room, "hello b", true));
      assertThat(payload(a.awaitAck("s1")).getInt("data")).isEqualTo(2);
      JsonObject heard = payload(b.awaitEvent("said"));
      assertThat(heard.getString("text")).isEqualTo("hello b");
      assertThat(heard.getString("room")).isEqualTo(room);
      b.sendEvent("s2", "say", say(room, "hello a", true));
      assertThat(
              payload(
                      a.awaitJson(
                          j ->
                              "said".equals(WsClient.str(j, "event"))
                                  && j.toString().contains("hello a")))
                  .getString("text"))
          .isEqualTo("hello a");
      elsewhere.assertNoMessage(m -> m.contains("\"said\""), Duration.ofMillis(300));
    }
  }

  @Test
  @Order(2)
  void aClientJoinsAndLeavesOtherRoomsAndTheAckCarriesTheMembers() {
    String lobby = room();
    String dev = room();
    try (WsClient a = chat(lobby, "");
        WsClient b = chat(lobby, "")) {
      String aId = WsClient.str(payload(a.awaitSystem("connected")), "connectionId");
      String bId = WsClient.str(payload(b.awaitSystem("connected")), "connectionId");
      a.sendEvent("j1", "room.join", "{\"room\":\"" + dev + "\"}");
      JsonObject state = okData(a, "j1");
      assertThat(state.getString("room")).isEqualTo(dev);
      assertThat(strings(state.getJsonArray("members"))).containsExactly(aId);
      b.sendEvent("j2", "room.join", "{\"room\":\"" + dev + "\"}");
      JsonObject both = okData(b, "j2");
      assertThat(strings(both.getJsonArray("members"))).containsExactlyInAnyOrder(aId, bId);
      assertThat(both.getInt("count")).isEqualTo(2);
      // leave stops delivery
      b.sendEvent("l1", "room.leave", "{\"room\":\"" + dev + "\"}");
      assertThat(strings(okData(b, "l1").getJsonArray("members"))).containsExactly(aId);
      a.sendEvent("s1", "say", say(dev, "only a now", true));
      assertThat(payload(a.awaitAck("s1")).getInt("data")).isEqualTo(1);
      a.awaitEvent("said");
      b.assertNoMessage(m -> m.contains("only a now"), Duration.ofMillis(300));
      // leaving again, joining twice
      b.sendEvent("l2", "room.leave", "{\"room\":\"" + dev + "\"}");
      assertThat(error(b, "l2").getString("code")).isEqualTo("WS_NOT_SUBSCRIBED");
      a.sendEvent("j3", "room.join", "{\"room\":\"" + dev + "\"}");
      assertThat(error(a, "j3").getString("code")).isEqualTo("WS_ALREADY_SUBSCRIBED");
    }
  }

  @Test
  @Order(3)
  void excludeSenderReachesEveryoneButTheSender() {
    String room = room();
    try (WsClient a = chat(room, "");
        WsClient b = chat(room, "");
        WsClient c = chat(room, "")) {
      a.sendEvent("s1", "say", say(room, "not to me", false));
      assertThat(payload(a.awaitAck("s1")).getInt("data")).isEqualTo(2);
      b.awaitEvent("said");
      c.awaitEvent("said");
      a.assertNoMessage(m -> m.contains("not to me"), Duration.ofMillis(300));
    }
  }

  @Test
  @Order(4)
  void refusedJoinsAreErrorAcksAndLeaveNoMembership() {
    String room = room();
    try (WsClient a = chat(room, "")) {
      a.sendEvent("j1", "room.join", "{\"room\":\"locked\"}");
      JsonObject locked = error(a, "j1");
      assertThat(locked.getString("code")).isEqualTo("ROOM_LOCKED");
      assertThat(locked.getString("message")).contains("password");
      a.sendEvent("j2", "room.join", "{\"room\":\"staff\"}");
      assertThat(error(a, "j2").getString("code")).isEqualTo("WS_FORBIDDEN");
      a.sendEvent("j3", "room.join", "{\"room\":\"\"}");
      assertThat(error(a, "j3").getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      a.sendEvent("p1", "presence.list", "{\"room\":\"staff\"}");
      assertThat(error(a, "p1").getString("code")).isEqualTo("WS_NOT_SUBSCRIBED");
      a.sendEvent("j4", "room.join", "{\"room\":\"locked\",\"password\":\"open-sesame\"}");
      assertThat(okData(a, "j4").getString("room")).isEqualTo("locked");
      a.sendEvent("l4", "room.leave", "{\"room\":\"locked\"}");
      okData(a, "l4");
    }
    // the path room is guarded too: the connection is closed with 1008
    try (WsClient staff = WsClient.connect(uri("/ws/rooms/staff"))) {
      CloseReason r = staff.awaitClose(WsClient.TIMEOUT);
      assertThat(r.getCloseCode().getCode()).isEqualTo(1008);
    }
  }

  // ---------------------------------------------------------------- presence

  @Test
  @Order(5)
  void presenceJoinUpdateAndLeaveDiffsArriveWithMetadata() {
    String room = room();
    try (WsClient alice = chat(room, "user=alice&name=Alice")) {
      // every member hears every change, its own join included
      assertThat(member(alice.awaitEvent("presence.join")).getString("key")).isEqualTo("alice");
      try (WsClient bob = chat(room, "user=bob&name=Bob")) {
        JsonObject join = payload(alice.awaitEvent("presence.join"));
        assertThat(join.getString("room")).isEqualTo(room);
        JsonObject member = join.getJsonObject("member");
        assertThat(member.getString("key")).isEqualTo("bob");
        assertThat(member.getJsonObject("meta").getString("name")).isEqualTo("Bob");
        assertThat(member.getJsonObject("meta").getString("status")).isEqualTo("online");
        assertThat(member.getInt("connections")).isEqualTo(1);

        bob.sendEvent("st", "status", "\"away\"");
        assertThat(payload(bob.awaitAck("st")).getString("data")).isEqualTo("away");
        JsonObject update = payload(alice.awaitEvent("presence.update")).getJsonObject("member");
        assertThat(update.getString("key")).isEqualTo("bob");
        assertThat(update.getJsonObject("meta").getString("status")).isEqualTo("away");

        alice.sendEvent("p1", "presence.list", "{\"room\":\"" + room + "\"}");
        JsonArray list = okData(alice, "p1").getJsonArray("presence");
        assertThat(list).hasSize(2);
        assertThat(list.getJsonObject(0).getString("key")).isEqualTo("alice");
        assertThat(list.getJsonObject(1).getJsonObject("meta").getString("status"))
            .isEqualTo("away");
      }
      JsonObject left = payload(alice.awaitEvent("presence.leave")).getJsonObject("member");
      assertThat(left.getString("key")).isEqualTo("bob");
      assertThat(left.getInt("connections")).isZero();
      assertThat(left.getJsonObject("meta").getString("name")).isEqualTo("Bob");
    }
  }

  @Test
  @Order(6)
  void oneUserWithTwoTabsIsOneMember() {
    String room = room();
    try (WsClient watcher = chat(room, "user=zoe&name=Zoe");
        WsClient tab1 = chat(room, "user=alice&name=Alice")) {
      assertThat(member(watcher.awaitEvent("presence.join")).getString("key")).isEqualTo("zoe");
      assertThat(member(watcher.awaitEvent("presence.join")).getString("key")).isEqualTo("alice");
      try (WsClient tab2 = chat(room, "user=alice&name=Alice")) {
        JsonObject update = payload(watcher.awaitEvent("presence.update")).getJsonObject("member");
        assertThat(update.getString("key")).isEqualTo("alice");
        assertThat(update.getInt("connections")).isEqualTo(2);
        tab2.sendEvent("p1", "presence.list", "{\"room\":\"" + room + "\"}");
        JsonObject state = okData(tab2, "p1");
        assertThat(state.getJsonArray("presence")).hasSize(2); // alice and zoe
        assertThat(state.getJsonArray("members")).hasSize(3); // three connections
        JsonObject alice = state.getJsonArray("presence").getJsonObject(0);
        assertThat(alice.getString("key")).isEqualTo("alice");
        assertThat(alice.getInt("connections")).isEqualTo(2);
      }
      // closing one tab is an update, not a leave
      JsonObject down = payload(watcher.awaitEvent("presence.update")).getJsonObject("member");
      assertThat(down.getInt("connections")).isEqualTo(1);
      watcher.assertNoMessage(m -> m.contains("presence.leave"), Duration.ofMillis(300));
      assertThat(watcher.messages())
          .noneMatch(m -> m.contains("presence.join") && m.contains("\"connections\":2"));
    }
  }

  // ---------------------------------------------------------------- any bean, streams

  @Test
  @Order(7)
  void anyBeanPushesThroughTheInjectedBroadcaster() throws Exception {
    String room = room();
    try (WsClient a = chat(room, "");
        WsClient b = chat(room, "")) {
      HttpClient http = HttpClient.newHttpClient();
      String q =
          "room=" + room + "&text=" + URLEncoder.encode("from a servlet", StandardCharsets.UTF_8);
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base().toURI().resolve("push?" + q)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("2");
      assertThat(payload(a.awaitEvent("pushed")).getString("text")).isEqualTo("from a servlet");
      b.awaitEvent("pushed");
      HttpResponse<String> byName =
          http.send(
              HttpRequest.newBuilder(base().toURI().resolve("push?ns=1&" + q)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(byName.body()).isEqualTo("2");
      a.awaitEvent("pushed");
    }
  }

  @Test
  @Order(8)
  void streamingRepliesAreChunksThenEndThenTheAckAndCanBeCancelled() {
    try (WsClient a = chat(room(), "")) {
      a.sendEvent("c1", "count", "300");
      JsonObject ack = a.awaitAck("c1");
      assertThat(payload(ack).getString("status")).isEqualTo("ok");
      List<JsonObject> frames = a.messages().stream().map(WsClient::parseObject).toList();
      List<JsonObject> chunks =
          frames.stream().filter(f -> "count.chunk".equals(WsClient.str(f, "event"))).toList();
      assertThat(chunks).hasSize(300).allMatch(f -> "c1".equals(f.getString("id")));
      assertThat(chunks.get(299).getInt("payload")).isEqualTo(299);
      JsonObject end =
          frames.stream()
              .filter(f -> "count.end".equals(WsClient.str(f, "event")))
              .findFirst()
              .get();
      assertThat(payload(end).getInt("count")).isEqualTo(300);
      assertThat(frames.indexOf(end)).isLessThan(frames.indexOf(ack));

      a.sendEvent("f1", "count.forever", "{}");
      a.awaitEvent("count.forever.chunk");
      a.send("{\"id\":\"f1\",\"type\":\"control\",\"event\":\"cancel\"}");
      JsonObject cancelled = payload(a.awaitEvent("count.forever.end"));
      assertThat(cancelled.getBoolean("cancelled")).isTrue();
      assertThat(payload(a.awaitAck("f1")).getString("status")).isEqualTo("ok");
      // the connection is still answering
      a.sendEvent("s1", "stats", "{}");
      okData(a, "s1");
    }
  }

  // ---------------------------------------------------------------- slow consumers

  @Test
  @Order(9)
  void aSlowConsumerLosesTheOldestMessagesWhileFiftyOthersReceiveEveryOne() {
    slowConsumerAmongFifty("/ws/drop/", false);
  }

  @Test
  @Order(10)
  void aSlowConsumerIsClosedWith4008WhileFiftyOthersReceiveEveryOne() {
    slowConsumerAmongFifty("/ws/close/", true);
  }

  /**
   * 50 fast clients and one that stops reading share a room. The test publishes bursts the fast
   * ones can absorb (32 messages of 8 KB into queues of 64), waits until each has received every
   * message so far, and goes on until the server reports the slow one dropped (or closed); the
   * container's own buffers come first (measured: about 2 MB on Liberty, 12 MB on Payara Micro).
   * Then the slow one reads what the server kept for it.
   */
  private void slowConsumerAmongFifty(String path, boolean closePolicy) {
    String room = room();
    List<CountingClient> fast = new ArrayList<>();
    RawWs slow = null;
    try {
      for (int i = 0; i < 50; i++) {
        fast.add(CountingClient.connect(uri(path + room), "tick"));
      }
      fast.forEach(c -> c.awaitOther("room.joined"));
      CountingClient driver = fast.get(0);
      slow = RawWs.open(uri(path + room), 4096);
      await()
          .atMost(WsClient.TIMEOUT)
          .until(() -> data(driver.call("stats", "{}")).getInt("connections") == 51);

      int burst = 32;
      int sent = 0;
      JsonObject stats = data(driver.call("stats", "{}"));
      while (closePolicy
          ? stats.getJsonNumber("slowConsumerCloses").longValue() == 0
          : stats.getJsonNumber("droppedMessages").longValue() == 0) {
        assertThat(sent)
            .as("messages published without overflowing the slow client")
            .isLessThan(10_000);
        JsonObject ack =
            driver.call(
                "flood",
                "{\"room\":\""
                    + room
                    + "\",\"from\":"
                    + sent
                    + ",\"count\":"
                    + burst
                    + ",\"size\":8192}");
        assertThat(payload(ack).getInt("data")).isEqualTo(burst);
        sent += burst;
        int expected = sent;
        try {
          await()
              .atMost(WsClient.TIMEOUT)
              .until(() -> fast.stream().allMatch(c -> c.count() >= expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          List<Integer> behind =
              fast.stream().map(CountingClient::count).filter(n -> n < expected).sorted().toList();
          throw new AssertionError(
              "after " + expected + " messages, fast clients are behind: " + behind, e);
        }
        stats = data(driver.call("stats", "{}"));
      }
      System.out.printf(
          "%s: the slow client overflowed after %d messages of 8 KB (%s)%n", path, sent, stats);
      // every fast client got every message, in order, and is still connected
      for (CountingClient c : fast) {
        assertThat(c.count()).as("messages of a fast client").isEqualTo(sent);
        assertThat(c.outOfOrder()).as("out of order").isZero();
        assertThat(c.isOpen()).isTrue();
      }
      assertThat(stats.getInt("connections")).isEqualTo(closePolicy ? 50 : 51);
      // now the slow client reads what the server kept for it
      int last = sent - 1;
      List<RawWs.Frame> got =
          slow.readUntil(
              f -> f.opcode() == 1 && f.text().contains("\"seq\":" + last + ","),
              Duration.ofSeconds(10));
      List<Integer> slowSeqs = new ArrayList<>();
      for (RawWs.Frame f : got) {
        Matcher m = SEQ.matcher(f.opcode() == 1 ? f.text() : "");
        if (m.find()) {
          slowSeqs.add(Integer.parseInt(m.group(1)));
        }
      }
      assertThat(slowSeqs.size()).as("messages the slow client got").isLessThan(sent);
      assertThat(slowSeqs).isSorted();
      if (closePolicy) {
        RawWs.Frame close = got.get(got.size() - 1);
        assertThat(close.opcode()).isEqualTo(8);
        assertThat(close.closeCode()).isEqualTo(4008);
        assertThat(close.closeReason()).isEqualTo("slow consumer");
      } else {
        assertThat(slowSeqs).last().isEqualTo(last); // the newest survive
        assertThat(stats.getJsonNumber("droppedMessages").longValue()).isPositive();
      }
    } finally {
      fast.forEach(CountingClient::close);
      if (slow != null) {
        slow.close();
      }
    }
  }

  private static JsonObject data(JsonObject ack) {
    assertThat(payload(ack).getString("status")).isEqualTo("ok");
    return payload(ack).getJsonObject("data");
  }

  // ---------------------------------------------------------------- shutdown

  @Test
  @Order(100)
  void serverStopSends1001AndRunsOnDisconnect() throws Exception {
    Path marks = Files.createTempDirectory("aquilia-rooms-stop");
    String q = "mark=" + URLEncoder.encode(marks.toString(), StandardCharsets.UTF_8);
    String room = room();
    List<WsClient> clients = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        WsClient c = chat(room, q);
        clients.add(c);
        ids.add(WsClient.str(payload(c.awaitSystem("connected")), "connectionId"));
      }
      deployed.undeploy(NAME);
      deployed = null;
      for (WsClient c : clients) {
        CloseReason r = c.awaitClose(Duration.ofSeconds(30));
        assertThat(r.getCloseCode().getCode()).isEqualTo(1001);
        assertThat(r.getReasonPhrase()).isEqualTo("going away");
      }
      for (String id : ids) {
        Path mark = marks.resolve(id);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> Files.exists(mark) && !Files.readString(mark).isEmpty());
        assertThat(Files.readString(mark)).startsWith("1001 going away").contains(room);
      }
    } finally {
      clients.forEach(WsClient::close);
    }
  }
}
