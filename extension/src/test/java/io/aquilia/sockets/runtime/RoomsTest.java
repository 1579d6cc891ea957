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
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.PresenceMember;
import io.aquilia.sockets.RoomRef;
import io.aquilia.sockets.RoomState;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rooms and presence in the runtime core: no container, fake transports, a hand-moved clock. */
class RoomsTest {

  /** A chat payload. */
  public record Say(String room, String text) {}

  /** A join request with more than the room. */
  public record Entry(String room, String password) {}

  @Socket(value = "/ws/chat/:room", presence = true, joinPathRoom = "room")
  public static class Chat extends SocketController {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @OnConnect
    public void open(Connection c) {
      c.queryParam("user").ifPresent(c::setPresenceKey);
      c.queryParam("name").ifPresent(n -> c.setPresenceMeta(Map.of("name", n)));
    }

    @OnDisconnect
    public void close(Connection c) {
      calls.add("disconnect " + c.rooms());
    }

    @Guard(stages = Guard.Stage.JOIN)
    public boolean noVip(Envelope e, @PathParam("room") String pathRoom) {
      calls.add("join-guard");
      if (e == null) {
        return !"vip".equals(pathRoom);
      }
      return !(e.payload() instanceof JsonObject o && "vip".equals(o.getString("room", "")));
    }

    @Subscribe
    public void join(Connection c, Entry entry) {
      calls.add("join " + entry.room());
      if ("locked".equals(entry.room()) && !"secret".equals(entry.password())) {
        throw new SocketFault("CHAT_ROOM_LOCKED", "room locked", 4001, List.of());
      }
    }

    @Unsubscribe
    public void leave() {
      calls.add("leave");
    }

    @Event("say")
    public int say(Connection c, Say s) {
      return publish(s.room(), "said", Map.of("text", s.text()), c.id());
    }

    @AckEvent("status")
    public String status(Connection c, String status) {
      c.setPresenceMeta(Map.of("name", c.queryParam("name").orElse("?"), "status", status));
      return status;
    }
  }

  /** Rooms without presence; the handler names the room. */
  @Socket("/ws/plain")
  public static class Plain extends SocketController {
    @Subscribe("topic.follow")
    public CompletionStage<String> follow(String topic) {
      return CompletableFuture.completedFuture("topic:" + topic);
    }

    @Unsubscribe("topic.unfollow")
    public String unfollow(String topic) {
      return "topic:" + topic;
    }
  }

  static Jsonb jsonb;

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  Chat chat;
  Plain plain;
  SocketRuntime runtime;
  LiveSocket socket;
  LiveSocket plainSocket;

  @BeforeAll
  static void setUpJson() {
    jsonb = JsonbBuilder.create();
  }

  @AfterAll
  static void tearDownJson() throws Exception {
    jsonb.close();
  }

  @BeforeEach
  void start() {
    chat = new Chat();
    plain = new Plain();
    DeploymentModel d = DeploymentModel.of(List.of(Chat.class, Plain.class));
    assertThat(d.problems().messages()).isEmpty();
    runtime =
        new SocketRuntime(
            d.models(), m -> m.type() == Chat.class ? chat : plain, jsonb, null, clock, false);
    socket = socket(Chat.class);
    plainSocket = socket(Plain.class);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  LiveSocket socket(Class<?> type) {
    return runtime.sockets().stream().filter(s -> s.model().type() == type).findFirst().get();
  }

  /** A client of the chat: its transport, its connection, and what it received. */
  final class Client {
    final FakeTransport t = FakeTransport.synchronous();
    final RuntimeConnection c;
    int read;

    Client(String room, String query, Principal principal) {
      Map<String, List<String>> q = new java.util.HashMap<>();
      if (!query.isEmpty()) {
        for (String kv : query.split("&")) {
          String[] p = kv.split("=", 2);
          q.put(p[0], List.of(p[1]));
        }
      }
      c =
          socket.open(
              t,
              new HandshakeInfo("/ws/chat/" + room, Map.of("room", room), q, Map.of(), principal));
    }

    Client(LiveSocket on) {
      c = on.open(t, new HandshakeInfo("/ws/plain", Map.of(), Map.of(), Map.of(), null));
    }

    void send(String text) {
      c.socket().frame(c, c.socket().codec().decode(text, 65536));
    }

    /** The frames received since the last call. */
    List<JsonObject> unread() {
      List<JsonObject> all = t.json();
      List<JsonObject> out = List.copyOf(all.subList(read, all.size()));
      read = all.size();
      return out;
    }

    List<JsonObject> unread(String event) {
      return unread().stream().filter(o -> event.equals(o.getString("event"))).toList();
    }

    JsonObject ack(String id) {
      return t.json().stream()
          .filter(o -> "ack".equals(o.getString("type")) && id.equals(o.getString("id", null)))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no ack " + id + " in " + t.texts()));
    }

    JsonObject okData(String id) {
      JsonObject p = ack(id).getJsonObject("payload");
      assertThat(p.getString("status")).as("ack %s: %s", id, p).isEqualTo("ok");
      return p.getJsonObject("data");
    }

    String errorCode(String id) {
      JsonObject p = ack(id).getJsonObject("payload");
      assertThat(p.getString("status")).isEqualTo("error");
      return p.getString("code");
    }
  }

  Client client(String room) {
    return new Client(room, "", null);
  }

  Client client(String room, String query) {
    return new Client(room, query, null);
  }

  static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(JsonString::getString);
  }

  // ------------------------------------------------------------------ join / leave requests

  @Nested
  class Requests {

    @Test
    void joinAcksTheRoomWithItsMembersAndPresence() {
      Client a = client("lobby", "user=alice&name=Alice");
      Client b = client("lobby", "user=bob&name=Bob");
      a.send("{\"id\":\"j1\",\"event\":\"room.join\",\"payload\":{\"room\":\"dev\"}}");
      JsonObject state = a.okData("j1");
      assertThat(state.getString("room")).isEqualTo("dev");
      assertThat(strings(state, "members")).containsExactly(a.c.id());
      assertThat(state.getInt("count")).isEqualTo(1);
      JsonObject me = state.getJsonArray("presence").getJsonObject(0);
      assertThat(me.getString("key")).isEqualTo("alice");
      assertThat(me.getJsonObject("meta").getString("name")).isEqualTo("Alice");
      assertThat(me.getInt("connections")).isEqualTo(1);
      b.send("{\"id\":\"j2\",\"event\":\"room.join\",\"payload\":{\"room\":\"dev\"}}");
      assertThat(strings(b.okData("j2"), "members")).containsExactlyInAnyOrder(a.c.id(), b.c.id());
      assertThat(a.c.rooms()).containsExactlyInAnyOrder("lobby", "dev");
      assertThat(socket.rooms()).containsExactlyInAnyOrder("lobby", "dev");
      assertThat(chat.calls).contains("join dev");
    }

    @Test
    void aLargeRoomIsDescribedByItsCountAndAtMostAHundredIds() {
      List<Client> crowd = new java.util.ArrayList<>();
      for (int i = 0; i < RoomState.MEMBER_LIST_LIMIT + 50; i++) {
        crowd.add(client("lobby"));
      }
      Client last = crowd.get(crowd.size() - 1);
      JsonObject joined = last.unread("room.joined").get(0).getJsonObject("payload");
      assertThat(joined.getInt("count")).isEqualTo(150);
      List<String> sorted = crowd.stream().map(x -> x.c.id()).sorted().toList();
      assertThat(strings(joined, "members")).isEqualTo(sorted.subList(0, 100));
      last.send("{\"id\":\"l1\",\"event\":\"room.leave\",\"payload\":{\"room\":\"lobby\"}}");
      assertThat(last.okData("l1").getInt("count")).isEqualTo(149);
      assertThat(chat.members("lobby")).hasSize(149);
    }

    @Test
    void publishReachesTheRoomOnlyAndCanExcludeTheSender() {
      Client a = client("lobby");
      Client b = client("lobby");
      Client other = client("dev");
      a.unread();
      b.unread();
      other.unread();
      a.send("{\"id\":\"s1\",\"event\":\"say\",\"payload\":{\"room\":\"lobby\",\"text\":\"hi\"}}");
      assertThat(a.ack("s1").getJsonObject("payload").getInt("data")).isEqualTo(1);
      List<JsonObject> got = b.unread("said");
      assertThat(got).hasSize(1);
      assertThat(got.get(0).getJsonObject("payload").getString("text")).isEqualTo("hi");
      assertThat(a.unread("said")).isEmpty();
      assertThat(other.unread("said")).isEmpty();
      assertThat(chat.publish("lobby", "said", Map.of("text", "all"))).isEqualTo(2);
      assertThat(a.unread("said")).hasSize(1);
      assertThat(b.unread("said")).hasSize(1);
    }

    @Test
    void leaveStopsDeliveryAndAcksTheRemainingMembers() {
      Client a = client("lobby");
      Client b = client("lobby");
      a.send("{\"id\":\"l1\",\"event\":\"room.leave\",\"payload\":{\"room\":\"lobby\"}}");
      JsonObject state = a.okData("l1");
      assertThat(state.getString("room")).isEqualTo("lobby");
      assertThat(strings(state, "members")).containsExactly(b.c.id());
      assertThat(a.c.rooms()).isEmpty();
      a.unread();
      assertThat(chat.publish("lobby", "said", "x")).isEqualTo(1);
      assertThat(a.unread("said")).isEmpty();
      assertThat(b.unread("said")).hasSize(1);
      assertThat(chat.members("lobby")).containsExactly(b.c.id());
    }

    @Test
    void joiningTwiceAndLeavingARoomNotJoinedHaveTheirCodes() {
      Client a = client("lobby");
      a.send("{\"id\":\"j1\",\"event\":\"room.join\",\"payload\":{\"room\":\"lobby\"}}");
      assertThat(a.errorCode("j1")).isEqualTo("WS_ALREADY_SUBSCRIBED");
      a.send("{\"id\":\"l1\",\"event\":\"room.leave\",\"payload\":{\"room\":\"nowhere\"}}");
      assertThat(a.errorCode("l1")).isEqualTo("WS_NOT_SUBSCRIBED");
      assertThat(a.c.rooms()).containsExactly("lobby");
    }

    @Test
    void aHandlerFaultRefusesTheJoin() {
      Client a = client("lobby");
      a.send("{\"id\":\"j1\",\"event\":\"room.join\",\"payload\":{\"room\":\"locked\"}}");
      JsonObject p = a.ack("j1").getJsonObject("payload");
      assertThat(p.getString("code")).isEqualTo("CHAT_ROOM_LOCKED");
      assertThat(p.getString("message")).isEqualTo("room locked");
      assertThat(a.c.rooms()).containsExactly("lobby");
      assertThat(chat.members("locked")).isEmpty();
      a.send(
          "{\"id\":\"j2\",\"event\":\"room.join\","
              + "\"payload\":{\"room\":\"locked\",\"password\":\"secret\"}}");
      assertThat(a.okData("j2").getString("room")).isEqualTo("locked");
    }

    @Test
    void joinGuardsRunBeforeTheHandlerAndDenyWithForbidden() {
      Client a = client("lobby");
      chat.calls.clear();
      a.send("{\"id\":\"j1\",\"event\":\"room.join\",\"payload\":{\"room\":\"vip\"}}");
      assertThat(a.errorCode("j1")).isEqualTo("WS_FORBIDDEN");
      assertThat(chat.calls).containsExactly("join-guard");
      assertThat(a.c.rooms()).containsExactly("lobby");
      a.send("{\"id\":\"l1\",\"event\":\"room.leave\",\"payload\":{\"room\":\"lobby\"}}");
      assertThat(chat.calls).containsExactly("join-guard", "leave"); // no guard on leave
    }

    @Test
    void aMissingOrInvalidRoomIsAnInvalidMessage() {
      Client a = client("lobby");
      a.send("{\"id\":\"j1\",\"event\":\"room.join\",\"payload\":{}}");
      assertThat(a.ack("j1").getJsonObject("payload").getString("message"))
          .contains("needs a room");
      a.send("{\"id\":\"j2\",\"event\":\"room.join\",\"payload\":{\"room\":\"\"}}");
      a.send(
          "{\"id\":\"j3\",\"event\":\"room.join\",\"payload\":{\"room\":\""
              + "r".repeat(129)
              + "\"}}");
      a.send("{\"id\":\"j4\",\"event\":\"room.join\",\"payload\":{\"room\":\"a\\u0007b\"}}");
      a.send("{\"id\":\"j5\",\"event\":\"room.join\",\"payload\":{\"room\":7}}");
      a.send("{\"id\":\"j6\",\"event\":\"room.join\"}");
      a.send("{\"event\":\"room.join\",\"payload\":{\"room\":\"x\"}}");
      for (String id : List.of("j1", "j2", "j3", "j4", "j5", "j6")) {
        assertThat(a.errorCode(id)).as(id).isEqualTo("WS_MESSAGE_INVALID");
      }
      assertThat(a.ack("j3").getJsonObject("payload").getString("message")).contains("128");
      assertThat(a.ack("j4").getJsonObject("payload").getString("message")).contains("control");
      JsonObject noId = a.t.json().get(a.t.json().size() - 1);
      assertThat(noId.getString("event")).isEqualTo("error");
      assertThat(noId.getJsonObject("payload").getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(a.c.rooms()).containsExactly("lobby");
      assertThat(socket.rooms()).containsExactly("lobby");
    }

    @Test
    void theHandlersReturnValueNamesTheRoomAndPresenceIsAbsentWithoutPresence() {
      Client p = new Client(plainSocket);
      p.send("{\"id\":\"f1\",\"event\":\"topic.follow\",\"payload\":\"news\"}");
      JsonObject state = p.okData("f1");
      assertThat(state.getString("room")).isEqualTo("topic:news");
      assertThat(state.containsKey("presence")).isFalse();
      assertThat(p.c.rooms()).containsExactly("topic:news");
      p.send("{\"id\":\"p1\",\"event\":\"presence.list\",\"payload\":{\"room\":\"topic:news\"}}");
      assertThat(p.errorCode("p1")).isEqualTo("WS_UNSUPPORTED_EVENT");
      p.send("{\"id\":\"u1\",\"event\":\"topic.unfollow\",\"payload\":\"news\"}");
      assertThat(strings(p.okData("u1"), "members")).isEmpty();
      assertThat(p.c.rooms()).isEmpty();
    }

    @Test
    void roomsAreScopedToTheirNamespace() {
      Client a = client("news");
      Client p = new Client(plainSocket);
      p.c.join("news");
      a.unread();
      p.unread();
      assertThat(chat.publish("news", "said", "chat only")).isEqualTo(1);
      assertThat(p.unread("said")).isEmpty();
      assertThat(a.unread("said")).hasSize(1);
      assertThat(plainSocket.publish("news", "said", "plain only")).isEqualTo(1);
      assertThat(a.unread("said")).isEmpty();
      assertThat(chat.members("news")).containsExactly(a.c.id());
      assertThat(plainSocket.members("news")).containsExactly(p.c.id());
    }
  }

  // ------------------------------------------------------------------ presence

  @Nested
  class Presence {

    @Test
    void joinUpdateAndLeaveDiffsCarryTheMetadata() {
      Client a = client("lobby", "user=alice&name=Alice");
      a.unread();
      Client b = client("lobby", "user=bob&name=Bob");
      List<JsonObject> joins = a.unread("presence.join");
      assertThat(joins).hasSize(1);
      JsonObject p = joins.get(0).getJsonObject("payload");
      assertThat(p.getString("room")).isEqualTo("lobby");
      assertThat(p.getJsonObject("member").getString("key")).isEqualTo("bob");
      assertThat(p.getJsonObject("member").getJsonObject("meta").getString("name"))
          .isEqualTo("Bob");
      assertThat(p.getJsonObject("member").getInt("connections")).isEqualTo(1);

      b.send("{\"id\":\"st\",\"event\":\"status\",\"payload\":\"away\"}");
      List<JsonObject> updates = a.unread("presence.update");
      assertThat(updates).hasSize(1);
      assertThat(
              updates.get(0).getJsonObject("payload").getJsonObject("member").getJsonObject("meta"))
          .containsEntry("status", jakarta.json.Json.createValue("away"));

      socket.closed(b.c, new CloseStatus(1000, ""));
      List<JsonObject> leaves = a.unread("presence.leave");
      assertThat(leaves).hasSize(1);
      JsonObject member = leaves.get(0).getJsonObject("payload").getJsonObject("member");
      assertThat(member.getString("key")).isEqualTo("bob");
      assertThat(member.getInt("connections")).isZero();
      assertThat(member.getJsonObject("meta").getString("status")).isEqualTo("away");
      assertThat(chat.presence("lobby")).extracting(PresenceMember::key).containsExactly("alice");
    }

    @Test
    void oneUserWithTwoTabsIsOneMember() {
      Client watcher = client("lobby", "user=zoe");
      Client tab1 = client("lobby", "user=alice&name=Alice");
      watcher.unread();
      Client tab2 = client("lobby", "user=alice&name=Alice");
      List<JsonObject> seen = watcher.unread();
      assertThat(seen).noneMatch(o -> "presence.join".equals(o.getString("event")));
      List<JsonObject> updates =
          seen.stream().filter(o -> "presence.update".equals(o.getString("event"))).toList();
      assertThat(updates).hasSize(1);
      assertThat(
              updates.get(0).getJsonObject("payload").getJsonObject("member").getInt("connections"))
          .isEqualTo(2);
      List<PresenceMember> members = chat.presence("lobby");
      assertThat(members).extracting(PresenceMember::key).containsExactly("alice", "zoe");
      assertThat(members.get(0).connections()).isEqualTo(2);
      assertThat(chat.members("lobby")).hasSize(3);

      socket.closed(tab1.c, new CloseStatus(1000, ""));
      assertThat(watcher.unread("presence.leave")).isEmpty();
      socket.closed(tab2.c, new CloseStatus(1000, ""));
      assertThat(watcher.unread("presence.leave")).hasSize(1);
    }

    @Test
    void theKeyIsThePrincipalWhenThereIsOneElseTheConnectionId() {
      Principal alice = () -> "alice";
      Client a = new Client("lobby", "", alice);
      Client anon = client("lobby");
      assertThat(a.c.presenceKey()).isEqualTo("alice");
      assertThat(anon.c.presenceKey()).isEqualTo(anon.c.id());
      assertThat(chat.presence("lobby"))
          .extracting(PresenceMember::key)
          .containsExactlyInAnyOrder("alice", anon.c.id());
      assertThat(chat.presence("lobby"))
          .allSatisfy(m -> assertThat(m.meta().toString()).isEqualTo("null"));
    }

    @Test
    void theKeyCannotChangeWhileInARoom() {
      Client a = client("lobby");
      assertThatThrownBy(() -> a.c.setPresenceKey("mallory"))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> a.c.setPresenceKey(" "))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presenceListAnswersMembersOfTheRoomOnly() {
      Client a = client("lobby", "user=alice");
      Client b = client("dev", "user=bob");
      a.send("{\"id\":\"p1\",\"event\":\"presence.list\",\"payload\":{\"room\":\"lobby\"}}");
      JsonObject state = a.okData("p1");
      assertThat(state.getJsonArray("presence").getJsonObject(0).getString("key"))
          .isEqualTo("alice");
      b.send("{\"id\":\"p2\",\"event\":\"presence.list\",\"payload\":{\"room\":\"lobby\"}}");
      assertThat(b.errorCode("p2")).isEqualTo("WS_NOT_SUBSCRIBED");
      b.send("{\"event\":\"presence.list\",\"payload\":{\"room\":\"dev\"}}");
      assertThat(b.t.lastJson().getJsonObject("payload").getString("code"))
          .isEqualTo("WS_MESSAGE_INVALID");
      JsonObject connected = a.t.json().get(0).getJsonObject("payload");
      assertThat(strings(connected, "events")).contains("presence.list", "room.join");
    }
  }

  // ------------------------------------------------------------------ server API

  @Nested
  class ServerSide {

    @Test
    void thePathRoomIsJoinedAfterConnectAndTheClientIsTold() {
      Client a = client("lobby", "user=alice");
      List<JsonObject> all = a.unread();
      assertThat(all.get(0).getString("event")).isEqualTo("connected");
      JsonObject joined =
          all.stream().filter(o -> "room.joined".equals(o.getString("event"))).findFirst().get();
      assertThat(joined.getJsonObject("payload").getString("room")).isEqualTo("lobby");
      assertThat(strings(joined.getJsonObject("payload"), "members")).containsExactly(a.c.id());
      assertThat(a.c.rooms()).containsExactly("lobby");
    }

    @Test
    void aJoinGuardDenyingThePathRoomClosesWith1008AndOnDisconnectRuns() {
      Client a = client("vip");
      assertThat(a.t.closeCode).isEqualTo(1008);
      assertThat(a.t.closeReason).contains("noVip");
      assertThat(a.c.rooms()).isEmpty();
      // ended at once: the container may report the close before the glue knows the connection
      assertThat(chat.calls).containsOnlyOnce("disconnect []");
      assertThat(socket.stats().connections()).isZero();
      socket.closed(a.c, new CloseStatus(1008, ""));
      assertThat(chat.calls).containsOnlyOnce("disconnect []");
    }

    @Test
    void anInvalidPathRoomClosesWith1008() {
      Client a = client("r".repeat(129));
      assertThat(a.t.closeCode).isEqualTo(1008);
      assertThat(a.t.closeReason).contains("not a valid room name");
    }

    @Test
    void joinLeaveAndLeaveAllFromApplicationCode() {
      Client a = client("lobby");
      a.unread();
      assertThat(a.c.join("dev")).isTrue();
      assertThat(a.c.join("dev")).isFalse();
      assertThat(a.unread("room.joined")).hasSize(1);
      assertThat(a.c.rooms()).containsExactlyInAnyOrder("lobby", "dev");
      assertThat(a.c.leave("dev")).isTrue();
      assertThat(a.c.leave("dev")).isFalse();
      List<JsonObject> left = a.unread("room.left");
      assertThat(left).hasSize(1);
      assertThat(left.get(0).getJsonObject("payload").getString("room")).isEqualTo("dev");
      a.c.join("x");
      assertThat(a.c.leaveAll()).isEqualTo(2);
      assertThat(a.c.rooms()).isEmpty();
      assertThat(socket.rooms()).isEmpty();
      assertThatThrownBy(() -> a.c.join("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> chat.publish("a\nb", "e", 1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void broadcastReachesTheNamespaceAndCanExcludeOne() {
      Client a = client("lobby");
      Client b = client("dev");
      Client p = new Client(plainSocket);
      a.unread();
      b.unread();
      p.unread();
      assertThat(chat.broadcast("news", 1, a.c.id())).isEqualTo(1);
      assertThat(a.unread("news")).isEmpty();
      assertThat(b.unread("news")).hasSize(1);
      assertThat(p.unread("news")).isEmpty();
      assertThat(chat.sendTo(a.c.id(), "direct", 2)).isTrue();
      assertThat(a.unread("direct")).hasSize(1);
      assertThat(chat.sendTo("nobody", "direct", 2)).isFalse();
    }

    @Test
    void disconnectLeavesEveryRoomAfterOnDisconnect() {
      Client a = client("lobby");
      a.c.join("dev");
      socket.closed(a.c, new CloseStatus(1001, ""));
      assertThat(chat.calls).anyMatch(s -> s.startsWith("disconnect ") && s.contains("dev"));
      assertThat(a.c.rooms()).isEmpty();
      assertThat(socket.rooms()).isEmpty();
      assertThat(chat.members("lobby")).isEmpty();
      assertThat(chat.members("dev")).isEmpty();
    }

    @Test
    void aJoinAfterTheConnectionClosedLeavesNoTrace() {
      Client a = client("lobby");
      socket.closed(a.c, new CloseStatus(1000, ""));
      assertThat(a.c.join("late")).isFalse();
      assertThat(socket.roomIndex().join(a.c, "late", Rooms.Origin.SERVER)).isCompleted();
      assertThat(a.c.rooms()).isEmpty();
      assertThat(socket.rooms()).isEmpty();
      assertThat(chat.members("late")).isEmpty();
    }

    @Test
    void statsCountConnectionsAndRooms() {
      client("lobby");
      client("dev");
      assertThat(chat.namespace().stats().connections()).isEqualTo(2);
      assertThat(chat.namespace().stats().rooms()).isEqualTo(2);
      assertThat(chat.rooms()).containsExactlyInAnyOrder("lobby", "dev");
    }

    @Test
    void textFromOtherServersReachesLocalMembersExceptTheExcludedOne() {
      Client a = client("lobby");
      Client b = client("lobby");
      a.unread();
      b.unread();
      String text = socket.codec().encode(Envelope.event("remote", new RoomRef("lobby")));
      socket.deliver("lobby", text, a.c.id());
      assertThat(a.unread("remote")).isEmpty();
      assertThat(b.unread("remote")).hasSize(1);
      socket.deliver(null, text, null);
      assertThat(a.unread("remote")).hasSize(1);
      assertThat(b.unread("remote")).hasSize(1);
    }

    @Test
    void presenceOfAnUnknownRoomIsEmpty() {
      assertThat(chat.presence("nowhere")).isEmpty();
      assertThat(chat.members("nowhere")).isEmpty();
      assertThat(Set.copyOf(chat.rooms())).isEmpty();
    }
  }
}
