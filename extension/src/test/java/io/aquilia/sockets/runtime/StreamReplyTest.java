package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.InboundProcessing;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inbound ordering and streaming replies through a socket, with a manual executor for stream pulls
 * and manual or synchronous transports.
 */
class StreamReplyTest {

  @Socket(value = "/ws/flow", inboundQueueSize = 4, outboundQueueSize = 8)
  public static class FlowSocket extends SocketController {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<String> future = new CompletableFuture<>();
    final AtomicLong demanded = new AtomicLong();

    @AckEvent("slow")
    public CompletionStage<String> slow(String tag) {
      calls.add("slow " + tag);
      return future;
    }

    @AckEvent("fast")
    public String fast(String tag) {
      calls.add("fast " + tag);
      return tag;
    }

    @AckEvent("numbers")
    public Stream<Integer> numbers(int n) {
      return IntStream.range(0, n).boxed().onClose(() -> closed.add("numbers"));
    }

    @Event("forever")
    public Stream<Integer> forever() {
      return Stream.iterate(0, i -> i + 1).onClose(() -> closed.add("forever"));
    }

    @AckEvent("failing")
    public Stream<Integer> failing() {
      return Stream.of(1, 2, 3)
          .map(
              i -> {
                if (i == 3) {
                  throw new IllegalStateException("secret-stream-detail");
                }
                return i;
              })
          .onClose(() -> closed.add("failing"));
    }

    @AckEvent("faulting")
    public Stream<Integer> faulting() {
      return Stream.of(1, 2)
          .map(
              i -> {
                if (i == 2) {
                  throw new SocketFault("FEED_GONE", "feed gone", 4000, List.of());
                }
                return i;
              });
    }

    @AckEvent("published")
    public CompletionStage<Flow.Publisher<String>> published() {
      return CompletableFuture.completedFuture(new ListPublisher(List.of("a", "b", "c"), demanded));
    }
  }

  @Socket(value = "/ws/concurrent", inboundProcessing = InboundProcessing.CONCURRENT)
  public static class ConcurrentSocket extends FlowSocket {}

  /** A publisher of a list that honours demand without recursing (a trampoline). */
  static final class ListPublisher implements Flow.Publisher<String> {
    private final List<String> items;
    private final AtomicLong demanded;

    ListPublisher(List<String> items, AtomicLong demanded) {
      this.items = items;
      this.demanded = demanded;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super String> s) {
      s.onSubscribe(
          new Flow.Subscription() {
            int next;
            long demand;
            boolean emitting;
            boolean done;

            @Override
            public void request(long n) {
              demanded.addAndGet(n);
              demand += n;
              if (emitting) {
                return;
              }
              emitting = true;
              while (demand > 0 && !done && next < items.size()) {
                demand--;
                s.onNext(items.get(next++));
              }
              if (!done && next == items.size()) {
                done = true;
                s.onComplete();
              }
              emitting = false;
            }

            @Override
            public void cancel() {
              done = true;
            }
          });
    }
  }

  static Jsonb jsonb;

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final ManualExecutor pulls = new ManualExecutor();
  FlowSocket flow;
  ConcurrentSocket concurrent;
  SocketRuntime runtime;
  LiveSocket socket;

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
    flow = new FlowSocket();
    concurrent = new ConcurrentSocket();
    DeploymentModel d = DeploymentModel.of(List.of(FlowSocket.class, ConcurrentSocket.class));
    assertThat(d.problems().messages()).isEmpty();
    runtime =
        new SocketRuntime(
            d.models(),
            m -> m.type() == FlowSocket.class ? flow : concurrent,
            jsonb,
            null,
            clock,
            false,
            new InMemoryAdapter(),
            pulls);
    socket = socket(FlowSocket.class);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  LiveSocket socket(Class<?> type) {
    return runtime.sockets().stream().filter(s -> s.model().type() == type).findFirst().get();
  }

  RuntimeConnection open(LiveSocket s, FakeTransport t) {
    return s.open(t, new HandshakeInfo(s.path(), Map.of(), Map.of(), Map.of(), null));
  }

  static void send(RuntimeConnection c, String text) {
    c.socket().frame(c, c.socket().codec().decode(text, 65536));
  }

  static List<JsonObject> events(FakeTransport t, String event) {
    return t.json().stream().filter(o -> event.equals(o.getString("event"))).toList();
  }

  static JsonObject ack(FakeTransport t, String id) {
    return t.json().stream()
        .filter(o -> "ack".equals(o.getString("type")) && id.equals(o.getString("id", null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ack " + id + " in " + t.texts()));
  }

  static boolean acked(FakeTransport t, String id) {
    return t.json().stream()
        .anyMatch(o -> "ack".equals(o.getString("type")) && id.equals(o.getString("id", null)));
  }

  // ------------------------------------------------------------------ ordering

  @Test
  void serialHoldsTheNextMessageUntilTheAsyncHandlerCompletes() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    send(c, "{\"id\":\"1\",\"event\":\"slow\",\"payload\":\"a\"}");
    send(c, "{\"id\":\"2\",\"event\":\"fast\",\"payload\":\"b\"}");
    send(c, "{\"id\":\"p\",\"type\":\"control\",\"event\":\"ping\"}");
    assertThat(flow.calls).containsExactly("slow a");
    assertThat(events(t, "pong")).hasSize(1); // control messages do not wait
    assertThat(acked(t, "2")).isFalse();
    flow.future.complete("A");
    assertThat(flow.calls).containsExactly("slow a", "fast b");
    List<String> ids =
        t.json().stream()
            .filter(o -> "ack".equals(o.getString("type")))
            .map(o -> o.getString("id"))
            .toList();
    assertThat(ids).containsExactly("1", "2");
  }

  @Test
  void concurrentSocketsHandleTheNextMessageAtOnce() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket(ConcurrentSocket.class), t);
    send(c, "{\"id\":\"1\",\"event\":\"slow\",\"payload\":\"a\"}");
    send(c, "{\"id\":\"2\",\"event\":\"fast\",\"payload\":\"b\"}");
    assertThat(concurrent.calls).containsExactly("slow a", "fast b");
    assertThat(acked(t, "2")).isTrue();
    assertThat(acked(t, "1")).isFalse();
    concurrent.future.complete("A");
    assertThat(acked(t, "1")).isTrue();
  }

  @Test
  void aFullInboundQueueRefusesWithQuotaExceeded() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    send(c, "{\"id\":\"1\",\"event\":\"slow\",\"payload\":\"a\"}");
    for (int i = 2; i <= 4; i++) {
      send(c, "{\"id\":\"" + i + "\",\"event\":\"fast\",\"payload\":\"x\"}");
    }
    send(c, "{\"id\":\"5\",\"event\":\"fast\",\"payload\":\"x\"}");
    send(c, "{\"event\":\"fast\",\"payload\":\"x\"}");
    JsonObject refused = ack(t, "5").getJsonObject("payload");
    assertThat(refused.getString("code")).isEqualTo("WS_QUOTA_EXCEEDED");
    assertThat(refused.getString("message")).contains("limit: 4");
    assertThat(events(t, "error").get(0).getJsonObject("payload").getString("code"))
        .isEqualTo("WS_QUOTA_EXCEEDED");
    assertThat(socket.stats().refusedMessages()).isEqualTo(2);
    flow.future.complete("A");
    assertThat(List.of("1", "2", "3", "4")).allMatch(id -> acked(t, id));
    assertThat(c.isOpen()).isTrue();
  }

  // ------------------------------------------------------------------ streams

  @Test
  void aStreamGoesOutAsChunksThenEndThenTheAck() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    send(c, "{\"id\":\"s1\",\"event\":\"numbers\",\"payload\":40}");
    assertThat(events(t, "numbers.chunk")).isEmpty(); // nothing pulled on the caller's thread
    pulls.runAll();
    List<JsonObject> chunks = events(t, "numbers.chunk");
    assertThat(chunks).hasSize(40);
    assertThat(chunks).allMatch(o -> "s1".equals(o.getString("id")));
    assertThat(chunks.get(7).getInt("payload")).isEqualTo(7);
    JsonObject end = events(t, "numbers.end").get(0);
    assertThat(end.getString("id")).isEqualTo("s1");
    assertThat(end.getJsonObject("payload").getInt("count")).isEqualTo(40);
    assertThat(end.getJsonObject("payload").getBoolean("cancelled")).isFalse();
    List<JsonObject> all = t.json();
    JsonObject last = all.get(all.size() - 1);
    assertThat(last.getString("type")).isEqualTo("ack");
    assertThat(last.getJsonObject("payload").getString("status")).isEqualTo("ok");
    assertThat(all.indexOf(end)).isEqualTo(all.size() - 2);
    assertThat(flow.closed).containsExactly("numbers");
  }

  @Test
  void aPublisherIsStreamedWithinTheDemandItIsGiven() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    send(c, "{\"id\":\"p1\",\"event\":\"published\"}");
    assertThat(events(t, "published.chunk"))
        .extracting(o -> o.getString("payload"))
        .containsExactly("a", "b", "c");
    assertThat(events(t, "published.end").get(0).getJsonObject("payload").getInt("count"))
        .isEqualTo(3);
    assertThat(flow.demanded.get()).isLessThanOrEqualTo(StreamReply.BATCH);
    assertThat(ack(t, "p1").getJsonObject("payload").getString("status")).isEqualTo("ok");
  }

  @Test
  void aStreamOnlyRequestsWhileTheQueueHasRoom() {
    FakeTransport t = FakeTransport.manual();
    RuntimeConnection c = open(socket, t); // "connected" stays in flight
    send(c, "{\"id\":\"s1\",\"event\":\"numbers\",\"payload\":100}");
    pulls.runAll();
    // capacity 8: the first request is for the free places, then it waits for the queue
    assertThat(c.outbox().depth()).isEqualTo(8);
    assertThat(c.outbox().dropped()).isZero();
    int sent = 0;
    while (!acked(t, "s1")) {
      t.completeNext();
      pulls.runAll();
      assertThat(c.outbox().dropped()).isZero();
      assertThat(++sent).isLessThan(1000);
    }
    assertThat(events(t, "numbers.chunk")).hasSize(100);
    assertThat(events(t, "numbers.chunk").get(99).getInt("payload")).isEqualTo(99);
  }

  @Test
  void aRunningStreamDoesNotHoldBackTheConnectionsOtherMessages() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    send(c, "{\"id\":\"f1\",\"event\":\"forever\"}");
    send(c, "{\"id\":\"x\",\"event\":\"fast\",\"payload\":\"b\"}");
    assertThat(acked(t, "x")).isTrue();
    // an endless stream hands the thread back after each turn: the test drives three turns
    for (int i = 0; i < 3; i++) {
      assertThat(pulls.runQueued()).isEqualTo(1);
    }
    assertThat(events(t, "forever.chunk")).hasSize(3 * StreamSource.ITEMS_PER_TURN);
    send(c, "{\"id\":\"f1\",\"type\":\"control\",\"event\":\"cancel\"}");
    pulls.runAll();
    JsonObject end = events(t, "forever.end").get(0);
    assertThat(end.getJsonObject("payload").getBoolean("cancelled")).isTrue();
    assertThat(end.getJsonObject("payload").getInt("count"))
        .isEqualTo(events(t, "forever.chunk").size());
    assertThat(ack(t, "f1").getJsonObject("payload").getString("status")).isEqualTo("ok");
    assertThat(flow.closed).containsExactly("forever");
    int after = t.texts().size();
    pulls.runAll();
    assertThat(t.texts()).hasSize(after);
  }

  @Test
  void anErrorMidStreamEndsItWithAnErrorAckAndNoEnd() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    send(c, "{\"id\":\"e1\",\"event\":\"failing\"}");
    pulls.runAll();
    assertThat(events(t, "failing.chunk")).hasSize(2);
    assertThat(events(t, "failing.end")).isEmpty();
    JsonObject p = ack(t, "e1").getJsonObject("payload");
    assertThat(p.getString("code")).isEqualTo("WS_INTERNAL_ERROR");
    assertThat(t.texts()).noneMatch(s -> s.contains("secret-stream-detail"));
    assertThat(flow.closed).containsExactly("failing");
    send(c, "{\"id\":\"e2\",\"event\":\"faulting\"}");
    pulls.runAll();
    assertThat(ack(t, "e2").getJsonObject("payload").getString("code")).isEqualTo("FEED_GONE");
  }

  @Test
  void closingTheConnectionStopsTheStreamSilently() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    send(c, "{\"id\":\"f1\",\"event\":\"forever\"}");
    pulls.runQueued();
    socket.closed(c, new CloseStatus(1000, ""));
    pulls.runAll();
    int after = t.texts().size();
    pulls.runAll();
    assertThat(t.texts()).hasSize(after);
    assertThat(events(t, "forever.end")).isEmpty();
    assertThat(flow.closed).containsExactly("forever");
  }

  @Test
  void cancelNeedsAnIdAndAnUnknownIdIsIgnored() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket, t);
    int before = t.texts().size();
    send(c, "{\"id\":\"nope\",\"type\":\"control\",\"event\":\"cancel\"}");
    assertThat(t.texts()).hasSize(before);
    send(c, "{\"type\":\"control\",\"event\":\"cancel\"}");
    JsonObject err = t.lastJson();
    assertThat(err.getString("event")).isEqualTo("error");
    assertThat(err.getJsonObject("payload").getString("code")).isEqualTo("WS_MESSAGE_INVALID");
  }

  @Test
  void tooManyStreamsOrAReusedIdAreRefused() {
    FakeTransport t = FakeTransport.synchronous();
    RuntimeConnection c = open(socket(ConcurrentSocket.class), t);
    for (int i = 0; i < StreamReply.MAX_PER_CONNECTION; i++) {
      send(c, "{\"id\":\"f" + i + "\",\"event\":\"forever\"}");
    }
    assertThat(t.json()).noneMatch(o -> "ack".equals(o.getString("type")));
    send(c, "{\"id\":\"extra\",\"event\":\"forever\"}");
    assertThat(ack(t, "extra").getJsonObject("payload").getString("code"))
        .isEqualTo("WS_QUOTA_EXCEEDED");
    send(c, "{\"id\":\"f3\",\"type\":\"control\",\"event\":\"cancel\"}");
    assertThat(ack(t, "f3").getJsonObject("payload").getString("status")).isEqualTo("ok");
    send(c, "{\"id\":\"f0\",\"event\":\"forever\"}");
    JsonObject dup = ack(t, "f0").getJsonObject("payload");
    assertThat(dup.getString("code")).isEqualTo("WS_MESSAGE_INVALID");
    assertThat(dup.getString("message")).contains("already running");
    int acks = (int) t.json().stream().filter(o -> "ack".equals(o.getString("type"))).count();
    send(c, "{\"id\":\"f3\",\"event\":\"forever\"}"); // its place is free again
    assertThat(t.json().stream().filter(o -> "ack".equals(o.getString("type"))).count())
        .isEqualTo(acks);
    assertThat(concurrent.closed).hasSize(2); // the two refused streams were closed at once
  }
}
