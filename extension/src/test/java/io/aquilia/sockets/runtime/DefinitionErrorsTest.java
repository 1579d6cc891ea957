package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One negative test per definition error of the AQS-0xx catalogue. */
class DefinitionErrorsTest {

  static List<String> problems(Class<?>... classes) {
    DeploymentModel d = DeploymentModel.of(Arrays.asList(classes));
    return d.problems().messages();
  }

  /** The only problem of a deployment; fails if there is not exactly one. */
  static String onlyProblem(Class<?>... classes) {
    List<String> p = problems(classes);
    assertThat(p).hasSize(1);
    return p.get(0);
  }

  static String m(Class<?> type, String method) {
    return type.getName() + "#" + method + "(";
  }

  // ---------------------------------------------------------------- AQS-001

  @Socket
  public static class NoPath extends SocketController {}

  @Socket(value = "/ws/a", path = "/ws/b")
  public static class PathTwice extends SocketController {}

  @Test
  void pathMissing() {
    String p = onlyProblem(NoPath.class);
    assertThat(p).startsWith("AQS-001").contains(NoPath.class.getName()).contains("neither");
  }

  @Test
  void pathGivenAsValueAndPath() {
    String p = onlyProblem(PathTwice.class);
    assertThat(p)
        .startsWith("AQS-001")
        .contains(PathTwice.class.getName())
        .contains("both value and path");
  }

  // ---------------------------------------------------------------- AQS-002

  @Socket("ws/chat")
  public static class NoLeadingSlash extends SocketController {}

  @Socket("/ws/chat/")
  public static class TrailingSlash extends SocketController {}

  @Socket("/ws//chat")
  public static class EmptySegment extends SocketController {}

  @Socket("/ws/:1room")
  public static class BadParamName extends SocketController {}

  @Socket("/ws/:")
  public static class EmptyParamName extends SocketController {}

  @Socket("/ws/:room/x/:room")
  public static class ParamTwice extends SocketController {}

  @Socket("/ws/chat room")
  public static class BadCharacters extends SocketController {}

  @Socket("/ws/chat?x=1")
  public static class QueryInPath extends SocketController {}

  @Nested
  class InvalidPath {

    @Test
    void pathWithoutLeadingSlash() {
      assertThat(onlyProblem(NoLeadingSlash.class))
          .startsWith("AQS-002")
          .contains(NoLeadingSlash.class.getName())
          .contains("'ws/chat'")
          .contains("must start with '/'");
    }

    @Test
    void pathWithTrailingSlash() {
      assertThat(onlyProblem(TrailingSlash.class))
          .startsWith("AQS-002")
          .contains(TrailingSlash.class.getName())
          .contains("'/ws/chat/'")
          .contains("must not end with '/'");
    }

    @Test
    void pathWithEmptySegment() {
      assertThat(onlyProblem(EmptySegment.class))
          .startsWith("AQS-002")
          .contains(EmptySegment.class.getName())
          .contains("'/ws//chat'")
          .contains("empty segment");
    }

    @Test
    void parameterNameStartingWithDigit() {
      assertThat(onlyProblem(BadParamName.class))
          .startsWith("AQS-002")
          .contains(BadParamName.class.getName())
          .contains("':1room'")
          .contains("not a valid name");
    }

    @Test
    void emptyParameterName() {
      assertThat(onlyProblem(EmptyParamName.class))
          .startsWith("AQS-002")
          .contains("':'")
          .contains("not a valid name");
    }

    @Test
    void parameterDeclaredTwice() {
      assertThat(onlyProblem(ParamTwice.class))
          .startsWith("AQS-002")
          .contains(ParamTwice.class.getName())
          .contains("':room'")
          .contains("appears twice");
    }

    @Test
    void segmentWithSpace() {
      assertThat(onlyProblem(BadCharacters.class))
          .startsWith("AQS-002")
          .contains(BadCharacters.class.getName())
          .contains("'chat room'")
          .contains("characters not allowed");
    }

    @Test
    void segmentWithQuery() {
      assertThat(onlyProblem(QueryInPath.class))
          .startsWith("AQS-002")
          .contains("'chat?x=1'")
          .contains("characters not allowed");
    }
  }

  // ---------------------------------------------------------------- AQS-003 / AQS-004

  @Socket("/ws/dup")
  public static class DupA extends SocketController {}

  @Socket(path = "/ws/dup")
  public static class DupB extends SocketController {}

  @Socket("/ws/:a")
  public static class ParamA extends SocketController {}

  @Socket("/ws/:b")
  public static class ParamB extends SocketController {}

  @Socket(value = "/ws/one", namespace = "chat")
  public static class NsA extends SocketController {}

  @Socket(value = "/ws/two", namespace = "chat")
  public static class NsB extends SocketController {}

  @Socket("/ws/one")
  public static class NsDefaultA extends SocketController {}

  @Socket(value = "/ws/three", namespace = "/ws/one")
  public static class NsDefaultB extends SocketController {}

  @Test
  void duplicatePath() {
    assertThat(onlyProblem(DupB.class, DupA.class))
        .startsWith("AQS-003")
        .contains(DupA.class.getName())
        .contains(DupB.class.getName())
        .endsWith("declare the same path: /ws/dup");
  }

  @Test
  void duplicatePathDifferingOnlyInParameterNames() {
    assertThat(onlyProblem(ParamA.class, ParamB.class))
        .startsWith("AQS-003")
        .contains(ParamA.class.getName())
        .contains(ParamB.class.getName())
        .contains("same path: /ws/:");
  }

  @Test
  void duplicateNamespace() {
    assertThat(onlyProblem(NsA.class, NsB.class))
        .startsWith("AQS-004")
        .contains(NsA.class.getName())
        .contains(NsB.class.getName())
        .endsWith("share the namespace: chat");
  }

  @Test
  void explicitNamespaceCollidingWithAnotherSocketsDefaultNamespace() {
    assertThat(onlyProblem(NsDefaultA.class, NsDefaultB.class))
        .startsWith("AQS-004")
        .contains(NsDefaultA.class.getName())
        .contains(NsDefaultB.class.getName())
        .endsWith("share the namespace: /ws/one");
  }

  // ---------------------------------------------------------------- AQS-005

  @Socket("/ws/twoevents")
  public static class TwoEventsSameName extends SocketController {
    @Event("chat.send")
    public void first(String text) {}

    @AckEvent("chat.send")
    public String second(String text) {
      return text;
    }
  }

  @Socket("/ws/eventsubscribe")
  public static class EventAndSubscribeSameName extends SocketController {
    @Event("room.join")
    public void join(String room) {}

    @Subscribe
    public void subscribe(String room) {}
  }

  @Test
  void twoEventHandlersForOneEvent() {
    assertThat(onlyProblem(TwoEventsSameName.class))
        .startsWith("AQS-005")
        .contains(m(TwoEventsSameName.class, "first"))
        .contains(m(TwoEventsSameName.class, "second"))
        .endsWith("for the event: chat.send");
  }

  @Test
  void eventAndSubscribeSharingTheirName() {
    assertThat(onlyProblem(EventAndSubscribeSameName.class))
        .startsWith("AQS-005")
        .contains(m(EventAndSubscribeSameName.class, "join"))
        .contains(m(EventAndSubscribeSameName.class, "subscribe"))
        .endsWith("for the event: room.join");
  }

  // ---------------------------------------------------------------- AQS-006

  @Socket("/ws/twoconnects")
  public static class TwoOnConnect extends SocketController {
    @OnConnect
    public void a(Connection c) {}

    @OnConnect
    public void b() {}
  }

  @Socket("/ws/twodisconnects")
  public static class TwoOnDisconnect extends SocketController {
    @OnDisconnect
    public void a(CloseStatus s) {}

    @OnDisconnect
    public void b() {}
  }

  @Test
  void twoOnConnectMethods() {
    assertThat(onlyProblem(TwoOnConnect.class))
        .startsWith("AQS-006")
        .contains("@OnConnect")
        .contains(m(TwoOnConnect.class, "a"))
        .contains(m(TwoOnConnect.class, "b"));
  }

  @Test
  void twoOnDisconnectMethods() {
    assertThat(onlyProblem(TwoOnDisconnect.class))
        .startsWith("AQS-006")
        .contains("@OnDisconnect")
        .contains(m(TwoOnDisconnect.class, "a"))
        .contains(m(TwoOnDisconnect.class, "b"));
  }

  // ---------------------------------------------------------------- AQS-007

  @Socket("/ws/nonpublic")
  public static class NonPublicHandler extends SocketController {
    @Event("x")
    void hidden(String text) {}
  }

  @Socket("/ws/static")
  public static class StaticHandler extends SocketController {
    @Event("x")
    public static void shared(String text) {}
  }

  @Socket("/ws/guardstring")
  public static class GuardReturningString extends SocketController {
    @Guard
    public String check(Connection c) {
      return "yes";
    }
  }

  @Socket("/ws/guardnostage")
  public static class GuardWithoutStage extends SocketController {
    @Guard(stages = {})
    public boolean check(Connection c) {
      return true;
    }
  }

  @Test
  void nonPublicHandler() {
    assertThat(onlyProblem(NonPublicHandler.class))
        .startsWith("AQS-007")
        .contains(m(NonPublicHandler.class, "hidden") + "String)")
        .contains("must be public");
  }

  @Test
  void staticHandler() {
    assertThat(onlyProblem(StaticHandler.class))
        .startsWith("AQS-007")
        .contains(m(StaticHandler.class, "shared"))
        .contains("must not be static");
  }

  @Test
  void guardReturningString() {
    assertThat(onlyProblem(GuardReturningString.class))
        .startsWith("AQS-007")
        .contains(m(GuardReturningString.class, "check"))
        .contains("@Guard must return boolean or void")
        .contains("java.lang.String");
  }

  @Test
  void guardWithoutStage() {
    assertThat(onlyProblem(GuardWithoutStage.class))
        .startsWith("AQS-007")
        .contains(m(GuardWithoutStage.class, "check"))
        .contains("at least one stage");
  }

  // ---------------------------------------------------------------- AQS-008

  @Socket("/ws/chat/:room")
  public static class UnknownPathParam extends SocketController {
    @Event("x")
    public void x(@PathParam("rooom") String room) {}
  }

  @Test
  void unknownPathParamName() {
    assertThat(onlyProblem(UnknownPathParam.class))
        .startsWith("AQS-008")
        .contains(m(UnknownPathParam.class, "x"))
        .contains("@PathParam(\"rooom\")")
        .contains("/ws/chat/:room");
  }

  // ---------------------------------------------------------------- AQS-009

  @Socket("/ws/connectpayload")
  public static class PayloadOnConnect extends SocketController {
    @OnConnect
    public void open(Connection c, String hello) {}
  }

  @Socket("/ws/twopayloads")
  public static class TwoPayloads extends SocketController {
    @Event("x")
    public void x(String a, Integer b) {}
  }

  @Socket("/ws/closestatusonevent")
  public static class CloseStatusOnEvent extends SocketController {
    @Event("x")
    public void x(Connection c, CloseStatus status) {}
  }

  @Socket("/ws/objparam/:id")
  public static class ObjectPathParam extends SocketController {
    @Event("x")
    public void x(@PathParam("id") Object id) {}
  }

  @Socket("/ws/websockettype")
  public static class WebSocketSessionParam extends SocketController {
    @Event("x")
    public void x(jakarta.websocket.Session session) {}
  }

  @Test
  void payloadParameterOnOnConnect() {
    assertThat(onlyProblem(PayloadOnConnect.class))
        .startsWith("AQS-009")
        .contains("Parameter 1 (java.lang.String)")
        .contains(m(PayloadOnConnect.class, "open"))
        .contains("ON_CONNECT handler accepts Connection, Principal, @PathParam");
  }

  @Test
  void twoPayloadParameters() {
    assertThat(onlyProblem(TwoPayloads.class))
        .startsWith("AQS-009")
        .contains("Parameter 1 (java.lang.Integer)")
        .contains(m(TwoPayloads.class, "x"))
        .contains("at most one payload parameter");
  }

  @Test
  void closeStatusOnEvent() {
    assertThat(onlyProblem(CloseStatusOnEvent.class))
        .startsWith("AQS-009")
        .contains("Parameter 1 (" + CloseStatus.class.getName() + ")")
        .contains(m(CloseStatusOnEvent.class, "x"))
        .contains("CloseStatus is only available to @OnDisconnect");
  }

  @Test
  void unsupportedPathParamType() {
    assertThat(onlyProblem(ObjectPathParam.class))
        .startsWith("AQS-009")
        .contains("Parameter 0 (java.lang.Object)")
        .contains(m(ObjectPathParam.class, "x"))
        .contains("path parameters convert to");
  }

  @Test
  void jakartaWebSocketTypeIsNotAPayload() {
    assertThat(onlyProblem(WebSocketSessionParam.class))
        .startsWith("AQS-009")
        .contains("jakarta.websocket.Session")
        .contains("use Connection");
  }

  // ---------------------------------------------------------------- AQS-010

  @Socket(value = "/ws/zerosize", maxMessageSize = 0)
  public static class ZeroMessageSize extends SocketController {}

  @Socket(value = "/ws/negrate", messageRateLimit = -5)
  public static class NegativeRate extends SocketController {}

  @Socket(value = "/ws/zeroqueue", outboundQueueSize = 0)
  public static class ZeroQueue extends SocketController {}

  @Socket(value = "/ws/notimeout", heartbeatInterval = 10, heartbeatTimeout = 0)
  public static class HeartbeatWithoutTimeout extends SocketController {}

  @Test
  void maxMessageSizeZero() {
    assertThat(onlyProblem(ZeroMessageSize.class))
        .startsWith("AQS-010")
        .contains(ZeroMessageSize.class.getName())
        .contains("maxMessageSize = 0");
  }

  @Test
  void negativeMessageRateLimit() {
    assertThat(onlyProblem(NegativeRate.class))
        .startsWith("AQS-010")
        .contains(NegativeRate.class.getName())
        .contains("messageRateLimit = -5")
        .contains("must not be negative");
  }

  @Test
  void outboundQueueSizeZero() {
    assertThat(onlyProblem(ZeroQueue.class))
        .startsWith("AQS-010")
        .contains("outboundQueueSize = 0")
        .contains("at least 1");
  }

  @Test
  void heartbeatsOnWithoutTimeout() {
    assertThat(onlyProblem(HeartbeatWithoutTimeout.class))
        .startsWith("AQS-010")
        .contains("heartbeatTimeout = 0");
  }

  // ---------------------------------------------------------------- AQS-011 / AQS-016

  @Socket("/ws/plain")
  public static class NotAController {}

  @Socket("/ws/abstract")
  public abstract static class AbstractController extends SocketController {}

  @Test
  void notASocketController() {
    assertThat(onlyProblem(NotAController.class))
        .startsWith("AQS-011")
        .contains(NotAController.class.getName())
        .contains("does not extend SocketController");
  }

  @Test
  void abstractController() {
    assertThat(onlyProblem(AbstractController.class))
        .startsWith("AQS-016")
        .contains(AbstractController.class.getName());
  }

  // ---------------------------------------------------------------- AQS-012

  @Socket("/ws/twoannotations")
  public static class TwoHandlerAnnotations extends SocketController {
    @OnConnect
    @Event("x")
    public void both(Connection c) {}
  }

  @Test
  void twoHandlerAnnotationsOnOneMethod() {
    assertThat(onlyProblem(TwoHandlerAnnotations.class))
        .startsWith("AQS-012")
        .contains(m(TwoHandlerAnnotations.class, "both"))
        .contains("@OnConnect")
        .contains("@Event");
  }

  // ---------------------------------------------------------------- AQS-013

  @Socket("/ws/emptyevent")
  public static class EmptyEventName extends SocketController {
    @Event("")
    public void x(String s) {}
  }

  @Socket("/ws/dotevent")
  public static class LeadingDotEventName extends SocketController {
    @AckEvent(".hidden")
    public void x(String s) {}
  }

  @Socket("/ws/spaceevent")
  public static class SpaceInEventName extends SocketController {
    @Subscribe("room join")
    public void x(String s) {}
  }

  @Test
  void emptyEventName() {
    assertThat(onlyProblem(EmptyEventName.class))
        .startsWith("AQS-013")
        .contains(m(EmptyEventName.class, "x"))
        .contains("invalid event name ''");
  }

  @Test
  void eventNameStartingWithPunctuation() {
    assertThat(onlyProblem(LeadingDotEventName.class))
        .startsWith("AQS-013")
        .contains(m(LeadingDotEventName.class, "x"))
        .contains("'.hidden'");
  }

  @Test
  void eventNameWithSpace() {
    assertThat(onlyProblem(SpaceInEventName.class))
        .startsWith("AQS-013")
        .contains(m(SpaceInEventName.class, "x"))
        .contains("'room join'");
  }

  // ---------------------------------------------------------------- AQS-014

  @Socket(value = "/ws/noscheme", allowedOrigins = "example.com")
  public static class OriginWithoutScheme extends SocketController {}

  @Socket(value = "/ws/midwildcard", allowedOrigins = "https://a.*.example.com")
  public static class OriginWithInnerWildcard extends SocketController {}

  @Socket(value = "/ws/originpath", allowedOrigins = "https://example.com/app")
  public static class OriginWithPath extends SocketController {}

  @Test
  void allowedOriginWithoutScheme() {
    assertThat(onlyProblem(OriginWithoutScheme.class))
        .startsWith("AQS-014")
        .contains(OriginWithoutScheme.class.getName())
        .contains("'example.com'");
  }

  @Test
  void allowedOriginWithWildcardNotFirst() {
    assertThat(onlyProblem(OriginWithInnerWildcard.class))
        .startsWith("AQS-014")
        .contains("'https://a.*.example.com'")
        .contains("wildcard");
  }

  @Test
  void allowedOriginWithPath() {
    assertThat(onlyProblem(OriginWithPath.class))
        .startsWith("AQS-014")
        .contains("'https://example.com/app'")
        .contains("no path");
  }

  // ---------------------------------------------------------------- all at once

  @Socket(value = "/ws/many/:room", maxMessageSize = -1, allowedOrigins = "nope")
  public static class ManyProblems extends SocketController {
    @OnConnect
    public void a() {}

    @OnConnect
    public void b() {}

    @Event("bad name")
    public void c(String s) {}

    @Event("fine")
    void d(@PathParam("missing") String s) {}
  }

  // ---------------------------------------------------------------- AQS-010 (inbound queue)

  @Socket(value = "/ws/zeroinbound", inboundQueueSize = 0)
  public static class ZeroInbound extends SocketController {}

  @Test
  void inboundQueueSizeZero() {
    assertThat(onlyProblem(ZeroInbound.class))
        .startsWith("AQS-010")
        .contains(ZeroInbound.class.getName())
        .contains("inboundQueueSize = 0")
        .contains("at least 1");
  }

  // ---------------------------------------------------------------- AQS-020

  @Socket("/ws/badsubscribe")
  public static class SubscribeReturningInt extends SocketController {
    @Subscribe
    public int join(String room) {
      return 1;
    }
  }

  @Socket("/ws/badunsubscribe")
  public static class UnsubscribeReturningStageOfInteger extends SocketController {
    @Unsubscribe
    public CompletionStage<Integer> leave(String room) {
      return null;
    }
  }

  @Socket("/ws/goodsubscribe")
  public static class RoomHandlersWithAllowedReturns extends SocketController {
    @Subscribe
    public CompletableFuture<String> join(String room) {
      return null;
    }

    @Unsubscribe
    public CompletionStage<Void> leave(String room) {
      return null;
    }

    @Subscribe("alt.join")
    public String altJoin(String room) {
      return room;
    }

    @Unsubscribe("alt.leave")
    public void altLeave(String room) {}
  }

  @Test
  void subscribeReturningSomethingElseThanTheRoom() {
    assertThat(onlyProblem(SubscribeReturningInt.class))
        .startsWith("AQS-020 @Subscribe handler")
        .contains(m(SubscribeReturningInt.class, "join"))
        .contains("returns int")
        .contains("void, String (the room) or CompletionStage<String>");
  }

  @Test
  void unsubscribeReturningAStageOfSomethingElse() {
    assertThat(onlyProblem(UnsubscribeReturningStageOfInteger.class))
        .startsWith("AQS-020 @Unsubscribe handler")
        .contains("java.util.concurrent.CompletionStage<java.lang.Integer>");
  }

  @Test
  void roomHandlersMayReturnVoidStringOrAStageOfThem() {
    assertThat(problems(RoomHandlersWithAllowedReturns.class)).isEmpty();
  }

  // ---------------------------------------------------------------- AQS-021

  @Socket(value = "/ws/joinpath/:room", joinPathRoom = "rooom")
  public static class JoinPathRoomNotInPath extends SocketController {}

  @Test
  void joinPathRoomNamesAParameterThatIsNotInThePath() {
    assertThat(onlyProblem(JoinPathRoomNotInPath.class))
        .startsWith("AQS-021")
        .contains(JoinPathRoomNotInPath.class.getName())
        .contains("joinPathRoom = \"rooom\"")
        .endsWith("not a parameter of the path /ws/joinpath/:room");
  }

  // ---------------------------------------------------------------- AQS-022

  @Socket(value = "/ws/reserved", presence = true)
  public static class PresenceListHandlerOnPresenceSocket extends SocketController {
    @AckEvent("presence.list")
    public String list() {
      return "mine";
    }
  }

  @Socket("/ws/notreserved")
  public static class PresenceListHandlerWithoutPresence extends SocketController {
    @AckEvent("presence.list")
    public String list() {
      return "mine";
    }
  }

  @Test
  void presenceListIsReservedOnPresenceSockets() {
    assertThat(onlyProblem(PresenceListHandlerOnPresenceSocket.class))
        .startsWith("AQS-022")
        .contains(m(PresenceListHandlerOnPresenceSocket.class, "list"))
        .contains("'presence.list'");
    assertThat(problems(PresenceListHandlerWithoutPresence.class)).isEmpty();
  }

  @Test
  void everyProblemOfEveryClassIsReportedAtOnce() {
    List<String> p = problems(ManyProblems.class, NotAController.class, DupA.class, DupB.class);
    assertThat(p)
        .anySatisfy(s -> assertThat(s).startsWith("AQS-010").contains("maxMessageSize = -1"))
        .anySatisfy(s -> assertThat(s).startsWith("AQS-014").contains("'nope'"))
        .anySatisfy(s -> assertThat(s).startsWith("AQS-006"))
        .anySatisfy(s -> assertThat(s).startsWith("AQS-013").contains("'bad name'"))
        .anySatisfy(s -> assertThat(s).startsWith("AQS-007").contains(m(ManyProblems.class, "d")))
        .anySatisfy(s -> assertThat(s).startsWith("AQS-008").contains("missing"))
        .anySatisfy(s -> assertThat(s).startsWith("AQS-011"))
        .anySatisfy(s -> assertThat(s).startsWith("AQS-003"));
    assertThat(p).hasSize(8);
  }

  @Test
  void validClassesStillProduceModelsAlongsideProblems() {
    DeploymentModel d = DeploymentModel.of(List.of(DupA.class, NoPath.class));
    assertThat(d.problems().isEmpty()).isFalse();
    assertThat(d.models()).extracting(ControllerModel::type).containsExactly(DupA.class);
  }
}
