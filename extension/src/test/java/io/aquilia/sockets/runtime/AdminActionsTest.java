package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aquilia.sockets.Emits;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminActionsTest {

  @Socket(value = "/ws/admin/:room", namespace = "ops")
  @Emits(value = "news", payload = String.class)
  public static class OpsSocket extends SocketController {
    @Event("hello")
    public void hello() {}
  }

  private Jsonb jsonb;
  private SocketRuntime runtime;
  private AdminActions actions;

  @BeforeEach
  void start() {
    jsonb = JsonbBuilder.create();
    DeploymentModel d = DeploymentModel.of(List.of(OpsSocket.class));
    runtime =
        new SocketRuntime(d.models(), m -> new OpsSocket(), jsonb, null, Clock.systemUTC(), false);
    actions = new AdminActions(runtime.sockets(), runtime.admin());
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
    jsonb.close();
  }

  private RuntimeConnection open(FakeTransport t) {
    return runtime
        .sockets()
        .get(0)
        .open(t, new HandshakeInfo("/ws/admin/a", Map.of("room", "a"), Map.of(), Map.of(), null));
  }

  @Test
  void broadcastReachesEveryConnectionOfTheNamespace() {
    FakeTransport a = FakeTransport.synchronous();
    FakeTransport b = FakeTransport.synchronous();
    open(a);
    open(b);
    int n = actions.broadcast("ops", "news", Json.createValue("extra"));
    assertThat(n).isEqualTo(2);
    assertThat(a.texts.get(a.texts.size() - 1))
        .startsWith("{\"id\":null,\"type\":\"event\",\"event\":\"news\",\"payload\":\"extra\"");
    assertThat(b.texts).hasSize(2);
  }

  @Test
  void unknownNamespaceAndBadEventAreRefusedWithStableCodes() {
    assertThatThrownBy(() -> actions.broadcast("nope", "news", null))
        .isInstanceOfSatisfying(
            AdminActions.Failure.class,
            f -> {
              assertThat(f.code()).isEqualTo("ADMIN_NAMESPACE_NOT_FOUND");
              assertThat(f.status()).isEqualTo(404);
              assertThat(f.getMessage()).isEqualTo("No socket namespace 'nope'; known: [ops]");
            });
    assertThatThrownBy(() -> actions.broadcast("ops", "bad name", null))
        .isInstanceOfSatisfying(
            AdminActions.Failure.class, f -> assertThat(f.code()).isEqualTo("ADMIN_BAD_REQUEST"));
    assertThatThrownBy(() -> actions.broadcast(" ", "news", null))
        .isInstanceOfSatisfying(
            AdminActions.Failure.class, f -> assertThat(f.status()).isEqualTo(400));
  }

  @Test
  void kickClosesTheConnectionWith1008AndTheReason() {
    FakeTransport a = FakeTransport.synchronous();
    RuntimeConnection c = open(a);
    assertThat(actions.kick(c.id(), "spam")).isEqualTo("ops");
    assertThat(a.closeCode).isEqualTo(4009);
    assertThat(a.closeReason).isEqualTo("spam");
    FakeTransport b = FakeTransport.synchronous();
    RuntimeConnection d = open(b);
    actions.kick(d.id(), null);
    assertThat(b.closeReason).isEqualTo(AdminActions.DEFAULT_KICK_REASON);
  }

  @Test
  void kickOfAnUnknownConnectionIsNotFound() {
    assertThatThrownBy(() -> actions.kick("no-such-id", null))
        .isInstanceOfSatisfying(
            AdminActions.Failure.class,
            f -> {
              assertThat(f.code()).isEqualTo("ADMIN_CONNECTION_NOT_FOUND");
              assertThat(f.status()).isEqualTo(404);
            });
  }

  @Test
  void roomBroadcastAndPurgeReachOnlyTheRoomAndUnknownRoomsAreNotFound() {
    FakeTransport a = FakeTransport.synchronous();
    FakeTransport b = FakeTransport.synchronous();
    FakeTransport c = FakeTransport.synchronous();
    RuntimeConnection ca = open(a);
    RuntimeConnection cb = open(b);
    open(c);
    ca.join("red");
    cb.join("red");
    assertThat(runtime.sockets().get(0).members("red")).containsExactlyInAnyOrder(ca.id(), cb.id());
    assertThat(actions.broadcast("ops", "red", "news", Json.createValue("for red"))).isEqualTo(2);
    assertThat(c.texts).noneMatch(t -> t.contains("for red"));
    assertThat(a.texts).anyMatch(t -> t.contains("\"payload\":\"for red\""));
    assertThat(actions.purgeRoom("ops", "red", "cleanup")).isEqualTo(2);
    assertThat(a.texts)
        .anyMatch(
            t ->
                t.contains(
                    "\"event\":\"room.purged\",\"payload\":{\"room\":\"red\",\"reason\":\"cleanup\"}"));
    assertThat(ca.rooms()).isEmpty();
    assertThat(a.texts)
        .anyMatch(t -> t.contains("\"event\":\"room.left\",\"payload\":{\"room\":\"red\"}"));
    for (Runnable r :
        List.<Runnable>of(
            () -> actions.purgeRoom("ops", "red", null),
            () -> actions.broadcast("ops", "nobody-here", "news", null))) {
      assertThatThrownBy(r::run)
          .isInstanceOfSatisfying(
              AdminActions.Failure.class,
              f -> {
                assertThat(f.code()).isEqualTo("ADMIN_ROOM_NOT_FOUND");
                assertThat(f.status()).isEqualTo(404);
              });
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void liveMetadataCountsAndListsConnections() {
    RuntimeConnection c = open(FakeTransport.synchronous());
    Map<String, Object> doc = actions.live();
    Map<String, Object> socket = ((List<Map<String, Object>>) doc.get("sockets")).get(0);
    Map<String, Object> live = (Map<String, Object>) socket.get("live");
    assertThat(live.get("connections")).isEqualTo(1);
    assertThat((List<Map<String, Object>>) live.get("connectionList"))
        .extracting(m -> m.get("id"))
        .containsExactly(c.id());
    assertThat(actions.asyncApi("t").get("asyncapi")).isEqualTo("3.0.0");
    c.join("blue");
    Map<String, Object> s = ((List<Map<String, Object>>) actions.live().get("sockets")).get(0);
    assertThat(((Map<String, Object>) s.get("live")).get("rooms"))
        .isEqualTo(List.of(Map.of("name", "blue", "members", 1L)));
  }
}
