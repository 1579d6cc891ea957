package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.InboundProcessing;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.OverflowPolicy;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControllerScannerTest {

  /** Not a socket itself: its handlers are inherited. */
  public abstract static class BaseSocket extends SocketController {
    @OnConnect
    public void open(Connection c) {}

    @Event("base.ping")
    public String ping() {
      return "pong";
    }

    @Guard(priority = 50)
    public boolean late(Connection c) {
      return true;
    }
  }

  @Socket(
      value = "/ws/chat/:room",
      allowedOrigins = "https://*.example.com",
      messageRateLimit = 20,
      maxMessageSize = 4096,
      maxConnections = 7,
      outboundQueueSize = 16,
      overflowPolicy = OverflowPolicy.DROP_NEWEST,
      heartbeatInterval = 30,
      heartbeatTimeout = 10)
  public static class ChatSocket extends BaseSocket {
    @Event(value = "message.send", ack = true)
    public String send(Connection c, @PathParam("room") String room, String text) {
      return text;
    }

    @AckEvent("message.edit")
    public void edit(String text) {}

    @Event("typing")
    public void typing(@PathParam("room") String room) {}

    @Subscribe
    public void join(String room) {}

    @Unsubscribe
    public void leave(String room) {}

    @OnDisconnect
    public void bye(CloseStatus s) {}

    @Guard(
        priority = 1,
        stages = {Guard.Stage.CONNECT, Guard.Stage.EVENT})
    public void early(Connection c) {}
  }

  @Socket(path = "/ws/named", namespace = "notifications")
  public static class NamedSocket extends SocketController {}

  @Socket("/")
  public static class RootSocket extends SocketController {}

  @Socket("/ws/typed/:n/:id")
  public static class TypedParams extends SocketController {
    @OnConnect
    public void open(@PathParam("n") int n, @PathParam("id") java.util.UUID id) {}

    @Event("x")
    public void x(@PathParam("n") Long n) {}
  }

  static ControllerModel scan(Class<?> type) {
    Problems problems = new Problems();
    Optional<ControllerModel> m = ControllerScanner.scan(type, problems);
    assertThat(problems.messages()).isEmpty();
    assertThat(m).isPresent();
    return m.get();
  }

  @Test
  void inheritedHandlersAreFound() {
    ControllerModel m = scan(ChatSocket.class);
    assertThat(m.events().keySet())
        .containsExactlyInAnyOrder(
            "base.ping", "message.send", "message.edit", "typing", "room.join", "room.leave");
    assertThat(m.onConnect()).get().extracting(h -> h.method().getName()).isEqualTo("open");
    assertThat(m.onDisconnect()).get().extracting(h -> h.method().getName()).isEqualTo("bye");
    assertThat(m.guards()).extracting(h -> h.method().getName()).containsExactly("early", "late");
    assertThat(m.guards().get(0).stages())
        .containsExactlyInAnyOrder(Guard.Stage.CONNECT, Guard.Stage.EVENT);
    assertThat(m.guards().get(1).stages()).containsExactly(Guard.Stage.CONNECT);
  }

  @Test
  void handlerKindsAckFlagsAndPayloadTypes() {
    ControllerModel m = scan(ChatSocket.class);
    assertThat(m.events().get("message.send").ackRequired()).isTrue();
    assertThat(m.events().get("message.send").payloadType()).isEqualTo(String.class);
    assertThat(m.events().get("message.edit").ackRequired()).isTrue();
    assertThat(m.events().get("typing").ackRequired()).isFalse();
    assertThat(m.events().get("typing").payloadType()).isNull();
    assertThat(m.events().get("base.ping").ackRequired()).isFalse();
    assertThat(m.events().get("room.join").kind()).isEqualTo(HandlerKind.SUBSCRIBE);
    assertThat(m.events().get("room.leave").kind()).isEqualTo(HandlerKind.UNSUBSCRIBE);
    assertThat(m.pathParamTypes()).containsEntry("room", Set.of(String.class));
  }

  @Test
  void limitsAreRead() {
    SocketLimits l = scan(ChatSocket.class).limits();
    assertThat(l)
        .isEqualTo(
            new SocketLimits(
                4096,
                20,
                7,
                16,
                OverflowPolicy.DROP_NEWEST,
                30,
                10,
                List.of("https://*.example.com"),
                InboundProcessing.SERIAL,
                256));
  }

  @Test
  void summaryListsPathEventsWithTagsAndLimits() {
    String s = scan(ChatSocket.class).summary();
    assertThat(s)
        .startsWith("/ws/chat/:room namespace=/ws/chat/:room")
        .contains("controller=" + ChatSocket.class.getName())
        .contains(
            "events=[base.ping, message.edit[ack], message.send[ack], room.join[ack][subscribe],"
                + " room.leave[ack][unsubscribe], typing]")
        .contains("guards=2")
        .contains("maxMessageSize=4096")
        .contains("messageRateLimit=20")
        .contains("maxConnections=7")
        .contains("allowedOrigins=[https://*.example.com]")
        .contains("outboundQueue=16/DROP_NEWEST")
        .contains("heartbeat=30s/10s");
  }

  @Test
  void summaryOfDefaults() {
    String s = scan(NamedSocket.class).summary();
    assertThat(s)
        .startsWith("/ws/named namespace=notifications")
        .contains("events=[]")
        .contains("maxMessageSize=65536")
        .contains("allowedOrigins=[any]")
        .contains("outboundQueue=1024/DROP_OLDEST")
        .contains("heartbeat=25s/20s");
  }

  @Test
  void namespaceDefaultsToThePathTemplate() {
    assertThat(scan(ChatSocket.class).namespace()).isEqualTo("/ws/chat/:room");
  }

  @Test
  void namespaceCanBeNamed() {
    ControllerModel m = scan(NamedSocket.class);
    assertThat(m.namespace()).isEqualTo("notifications");
    assertThat(m.path().template()).isEqualTo("/ws/named");
  }

  @Test
  void pathTemplateTranslatesToJakartaSyntax() {
    PathTemplate p = scan(ChatSocket.class).path();
    assertThat(p.paramNames()).containsExactly("room");
    assertThat(p.jakartaPath()).isEqualTo("/ws/chat/{room}");
    assertThat(p.shape()).isEqualTo("/ws/chat/{}");
  }

  @Test
  void rootPathIsAccepted() {
    PathTemplate p = scan(RootSocket.class).path();
    assertThat(p.jakartaPath()).isEqualTo("/");
    assertThat(p.paramNames()).isEmpty();
  }

  @Test
  void typedPathParamsAreRecordedPerTargetType() {
    ControllerModel m = scan(TypedParams.class);
    assertThat(m.pathParamTypes().get("n")).containsExactlyInAnyOrder(int.class, Long.class);
    assertThat(m.pathParamTypes().get("id")).containsExactly(java.util.UUID.class);
  }

  @Test
  void deploymentOfValidClassesHasNoProblems() {
    DeploymentModel d =
        DeploymentModel.of(List.of(ChatSocket.class, NamedSocket.class, RootSocket.class));
    assertThat(d.problems().isEmpty()).isTrue();
    assertThat(d.models()).hasSize(3);
  }

  @Test
  void pathTemplateParseRules() {
    List<String> why = new java.util.ArrayList<>();
    assertThat(PathTemplate.parse("/a/:b_1/c-d.e~f", why)).isPresent();
    assertThat(why).isEmpty();
    assertThat(PathTemplate.parse(null, why)).isEmpty();
    assertThat(why).containsExactly("it must start with '/'");
  }
}
