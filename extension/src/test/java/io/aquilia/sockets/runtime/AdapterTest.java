package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import io.aquilia.sockets.spi.SocketAdapter;
import io.aquilia.sockets.spi.SocketAdapter.Change;
import io.aquilia.sockets.spi.SocketAdapter.Member;
import io.aquilia.sockets.spi.SocketAdapter.PresenceEntry;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The runtime against the adapter SPI: an asynchronous adapter whose operations the test completes
 * by hand (as a Redis adapter would, later), and the in-memory adapter on its own.
 */
class AdapterTest {

  /** An adapter recording every call; each operation completes when the test says so. */
  static final class ManualAdapter implements SocketAdapter {
    final InMemoryAdapter state = new InMemoryAdapter();
    final List<String> calls = new ArrayList<>();
    final List<Runnable> pending = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    Delivery delivery;
    RuntimeException failNext;

    @Override
    public CompletionStage<Void> start(Delivery d) {
      this.delivery = d;
      return CompletableFuture.completedFuture(null);
    }

    private synchronized <T> CompletionStage<T> later(String call, CompletionStage<T> result) {
      calls.add(call);
      CompletableFuture<T> f = new CompletableFuture<>();
      RuntimeException failure = failNext;
      failNext = null;
      pending.add(
          () -> {
            if (failure != null) {
              f.completeExceptionally(failure);
            } else {
              result.whenComplete((v, e) -> f.complete(v));
            }
          });
      return f;
    }

    /** Completes the oldest pending operation. */
    void completeNext() {
      Runnable r;
      synchronized (this) {
        r = pending.remove(0);
      }
      r.run();
    }

    void completeAll() {
      while (true) {
        synchronized (this) {
          if (pending.isEmpty()) {
            return;
          }
        }
        completeNext();
      }
    }

    @Override
    public CompletionStage<Change> join(String ns, String room, Member m) {
      return later("join " + room + " " + m.connectionId(), state.join(ns, room, m));
    }

    @Override
    public CompletionStage<Change> leave(String ns, String room, Member m) {
      return later("leave " + room + " " + m.connectionId(), state.leave(ns, room, m));
    }

    @Override
    public CompletionStage<List<PresenceEntry>> members(String ns, String room) {
      return later("members " + room, state.members(ns, room));
    }

    @Override
    public synchronized CompletionStage<Void> publish(
        String ns, String room, String text, String exclude) {
      published.add(room + " " + text);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
      calls.add("close");
    }
  }

  @Socket(value = "/ws/async", presence = true)
  public static class AsyncSocket extends SocketController {
    @OnConnect
    public void open(Connection c) {
      c.queryParam("user").ifPresent(c::setPresenceKey);
    }

    @Subscribe
    public void join() {}

    @Unsubscribe
    public void leave() {}
  }

  static Jsonb jsonb;

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final ManualAdapter adapter = new ManualAdapter();
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
    DeploymentModel d = DeploymentModel.of(List.of(AsyncSocket.class));
    runtime =
        new SocketRuntime(
            d.models(), m -> new AsyncSocket(), jsonb, null, clock, false, adapter, Runnable::run);
    socket = runtime.sockets().get(0);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  RuntimeConnection open(FakeTransport t, String user) {
    return socket.open(
        t, new HandshakeInfo("/ws/async", Map.of(), Map.of("user", List.of(user)), Map.of(), null));
  }

  static void send(RuntimeConnection c, String text) {
    c.socket().frame(c, c.socket().codec().decode(text, 65536));
  }

  static List<JsonObject> acks(FakeTransport t) {
    return t.json().stream().filter(o -> "ack".equals(o.getString("type"))).toList();
  }

  @Nested
  class Asynchronous {

    @Test
    void theAckWaitsForTheAdapterAndHoldsBackTheNextMessage() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c = open(t, "alice");
      send(c, "{\"id\":\"j1\",\"event\":\"room.join\",\"payload\":{\"room\":\"r\"}}");
      send(c, "{\"id\":\"l1\",\"event\":\"room.leave\",\"payload\":{\"room\":\"r\"}}");
      assertThat(adapter.calls).containsExactly("join r " + c.id());
      assertThat(acks(t)).isEmpty();
      // local delivery does not wait for the adapter
      assertThat(socket.publish("r", "news", 1)).isEqualTo(1);
      adapter.completeNext(); // join
      assertThat(adapter.calls).last().isEqualTo("members r");
      adapter.completeNext(); // members
      assertThat(acks(t)).hasSize(1);
      assertThat(acks(t).get(0).getString("id")).isEqualTo("j1");
      // only now is the leave handled
      assertThat(adapter.calls).last().isEqualTo("leave r " + c.id());
      adapter.completeAll();
      assertThat(acks(t)).extracting(o -> o.getString("id")).containsExactly("j1", "l1");
      assertThat(adapter.published).anyMatch(p -> p.startsWith("r ") && p.contains("news"));
    }

    @Test
    void aConnectionsAdapterOperationsStartInOrder() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c = open(t, "alice");
      c.join("a");
      c.leave("a");
      c.join("b");
      socket.closed(c, new CloseStatus(1000, ""));
      assertThat(adapter.calls).containsExactly("join a " + c.id());
      adapter.completeAll();
      assertThat(adapter.calls)
          .containsSubsequence(
              "join a " + c.id(), "leave a " + c.id(), "join b " + c.id(), "leave b " + c.id());
      assertThat(adapter.state.size()).isZero();
    }

    @Test
    void anAdapterFailureAnswersAdapterUnavailableAndUndoesTheJoin() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c = open(t, "alice");
      adapter.failNext = new IllegalStateException("redis down");
      send(c, "{\"id\":\"j1\",\"event\":\"room.join\",\"payload\":{\"room\":\"r\"}}");
      adapter.completeAll();
      JsonObject p = acks(t).get(0).getJsonObject("payload");
      assertThat(p.getString("code")).isEqualTo("WS_ADAPTER_UNAVAILABLE");
      assertThat(p.getString("message")).doesNotContain("redis down");
      assertThat(c.rooms()).isEmpty();
      assertThat(socket.rooms()).isEmpty();
      adapter.failNext = new SocketFault("CLUSTER_FULL", "cluster full", 4000, List.of());
      send(c, "{\"id\":\"j2\",\"event\":\"room.join\",\"payload\":{\"room\":\"r\"}}");
      adapter.completeAll();
      assertThat(acks(t).get(1).getJsonObject("payload").getString("code"))
          .isEqualTo("CLUSTER_FULL");
    }

    @Test
    void presenceChangesArePublishedToTheOtherServersToo() {
      RuntimeConnection a = open(FakeTransport.synchronous(), "alice");
      a.join("r");
      adapter.completeAll();
      assertThat(adapter.published)
          .anyMatch(p -> p.startsWith("r ") && p.contains("\"presence.join\""));
      assertThat(adapter.published)
          .noneMatch(p -> p.contains("room.joined")); // that one is for the connection only
    }

    @Test
    void textFromTheAdapterReachesLocalMembers() {
      FakeTransport t = FakeTransport.synchronous();
      RuntimeConnection c = open(t, "alice");
      c.join("r");
      adapter.completeAll();
      adapter.delivery.deliver("/ws/async", "r", "{\"event\":\"remote\"}", null);
      adapter.delivery.deliver("/ws/other", "r", "{\"event\":\"elsewhere\"}", null);
      assertThat(t.texts()).contains("{\"event\":\"remote\"}");
      assertThat(t.texts()).noneMatch(s -> s.contains("elsewhere"));
    }

    @Test
    void theRuntimeClosesItsAdapter() {
      runtime.close();
      assertThat(adapter.calls).last().isEqualTo("close");
    }
  }

  @Nested
  class InMemory {

    final InMemoryAdapter memory = new InMemoryAdapter();

    Change join(String room, String conn, String key, String meta) {
      return memory.join("/ns", room, new Member(conn, key, meta)).toCompletableFuture().join();
    }

    Change leave(String room, String conn, String key) {
      return memory.leave("/ns", room, new Member(conn, key, null)).toCompletableFuture().join();
    }

    List<PresenceEntry> members(String room) {
      return memory.members("/ns", room).toCompletableFuture().join();
    }

    @Test
    void joinReportsTheKeyBeforeAndAfter() {
      Change first = join("r", "c1", "alice", "{\"s\":1}");
      assertThat(first.changed()).isTrue();
      assertThat(first.before()).isNull();
      assertThat(first.after().connections()).containsExactly("c1");
      Change second = join("r", "c2", "alice", "{\"s\":2}");
      assertThat(second.before().connections()).containsExactly("c1");
      assertThat(second.after().connections()).containsExactlyInAnyOrder("c1", "c2");
      assertThat(second.after().meta()).isEqualTo("{\"s\":2}"); // last write wins
      Change again = join("r", "c2", "alice", "{\"s\":3}");
      assertThat(again.changed()).isFalse();
      assertThat(again.after().meta()).isEqualTo("{\"s\":3}");
    }

    @Test
    void leaveRemovesTheKeyWithItsLastConnectionAndTheRoomWhenEmpty() {
      join("r", "c1", "alice", null);
      join("r", "c2", "alice", null);
      join("r", "c3", "bob", null);
      assertThat(members("r"))
          .extracting(PresenceEntry::key)
          .containsExactlyInAnyOrder("alice", "bob");
      Change one = leave("r", "c1", "alice");
      assertThat(one.changed()).isTrue();
      assertThat(one.after().connections()).containsExactly("c2");
      Change last = leave("r", "c2", "alice");
      assertThat(last.after()).isNull();
      assertThat(last.before().key()).isEqualTo("alice");
      assertThat(leave("r", "c2", "alice").changed()).isFalse();
      assertThat(leave("nowhere", "c2", "alice").changed()).isFalse();
      leave("r", "c3", "bob");
      assertThat(memory.size()).isZero();
      assertThat(members("r")).isEmpty();
    }

    @Test
    void roomsAreSeparatedByNamespace() {
      join("r", "c1", "alice", null);
      assertThat(memory.members("/other", "r").toCompletableFuture().join()).isEmpty();
      assertThat(
              members("r").stream()
                  .flatMap(e -> e.connections().stream())
                  .collect(java.util.stream.Collectors.toSet()))
          .isEqualTo(Set.of("c1"));
    }
  }
}
