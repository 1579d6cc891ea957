package io.aquilia.sockets.redisson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backplane against a real redis-server: two or three instances in this JVM. */
class RedisBackplaneTest {

  private static final String NS = "/ws/chat/:room";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static RedisProcess redis;

  private final List<RedisBackplane> started = new ArrayList<>();
  private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void redis() {
    redis = RedisProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @AfterEach
  void closeAll() {
    started.forEach(RedisBackplane::close);
    redis.startAgain();
  }

  private RedisSettings settings(String url, String secret) {
    return new RedisSettings(
        url,
        null,
        prefix,
        secret,
        UUID.randomUUID().toString(),
        200,
        600,
        5,
        1,
        2,
        "auto",
        400,
        2000);
  }

  private RedisBackplane up(RecordingInbound in, String secret) {
    RedisBackplane b = new RedisBackplane(settings(redis.url(), secret), in);
    started.add(b);
    b.start();
    await().atMost(WAIT).until(() -> b.state() == RedisBackplane.State.UP);
    return b;
  }

  private static <T> T get(java.util.concurrent.CompletionStage<T> s) throws Exception {
    return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void roomMessagesReachOnlyInstancesWithMembers() throws Exception {
    RecordingInbound ina = new RecordingInbound();
    RecordingInbound inb = new RecordingInbound();
    RecordingInbound inc = new RecordingInbound();
    RedisBackplane a = up(ina, null);
    RedisBackplane b = up(inb, null);
    RedisBackplane c = up(inc, null);
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    get(c.join(NS, "other", "c1", "carol", "{}"));
    await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));
    assertThat(c.listensTo(NS, "lobby")).isFalse();

    long receivers = get(a.publish(NS, "lobby", "{\"event\":\"hi\"}", "a1", 0));

    assertThat(receivers).isEqualTo(1);
    await()
        .atMost(WAIT)
        .until(() -> inb.has("deliver " + NS + " lobby {\"event\":\"hi\"} x=a1 o=0"));
    assertThat(inc.events).noneMatch(e -> e.startsWith("deliver"));
    assertThat(ina.events).noneMatch(e -> e.startsWith("deliver"));
  }

  @Test
  void lastLocalLeaveUnsubscribes() throws Exception {
    RedisBackplane b = up(new RecordingInbound(), null);
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    get(b.join(NS, "lobby", "b2", "bob", "{}"));
    await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));
    get(b.leave(NS, "lobby", "b1"));
    assertThat(b.listensTo(NS, "lobby")).isTrue();
    get(b.leave(NS, "lobby", "b2"));
    await().atMost(WAIT).until(() -> !b.listensTo(NS, "lobby"));
  }

  @Test
  void namespaceMessagesReachInstancesWithConnections() throws Exception {
    RecordingInbound inb = new RecordingInbound();
    RecordingInbound inc = new RecordingInbound();
    RedisBackplane a = up(new RecordingInbound(), null);
    RedisBackplane b = up(inb, null);
    up(inc, null);
    b.connectionOpened(NS, "b1");
    await().atMost(WAIT).until(() -> get(a.publish(NS, null, "all", null, 0)) == 1);
    await().atMost(WAIT).until(() -> inb.has("deliver " + NS + " null all x=null o=0"));
    assertThat(inc.events).isEmpty();
  }

  @Test
  void aUserWithConnectionsOnTwoInstancesIsOneMember() throws Exception {
    RedisBackplane a = up(new RecordingInbound(), null);
    RedisBackplane b = up(new RecordingInbound(), null);

    PresenceDelta first = get(a.join(NS, "lobby", "a1", "alice", "{\"name\":\"Alice\"}"));
    assertThat(first)
        .isEqualTo(
            new PresenceDelta(
                true, null, new PresenceState("alice", "{\"name\":\"Alice\"}", Set.of("a1"))));
    PresenceDelta second = get(b.join(NS, "lobby", "b1", "alice", "{\"name\":\"Al\"}"));
    assertThat(second.changed()).isTrue();
    assertThat(second.before()).isEqualTo(first.after());
    assertThat(second.after())
        .isEqualTo(new PresenceState("alice", "{\"name\":\"Al\"}", Set.of("a1", "b1")));
    assertThat(get(b.join(NS, "lobby", "b2", "bob", null)).after())
        .isEqualTo(new PresenceState("bob", null, Set.of("b2")));
    PresenceDelta update = get(b.join(NS, "lobby", "b2", "bob", "{\"away\":true}"));
    assertThat(update.changed()).isFalse();
    assertThat(update.after().meta()).isEqualTo("{\"away\":true}");

    assertThat(get(a.members(NS, "lobby")))
        .containsExactly(
            new PresenceState("alice", "{\"name\":\"Al\"}", Set.of("a1", "b1")),
            new PresenceState("bob", "{\"away\":true}", Set.of("b2")));

    PresenceDelta left = get(a.leave(NS, "lobby", "a1"));
    assertThat(left.changed()).isTrue();
    assertThat(left.after().connections()).containsExactly("b1");
    PresenceDelta gone = get(b.leave(NS, "lobby", "b1"));
    assertThat(gone.after()).isNull();
    assertThat(gone.before().key()).isEqualTo("alice");
    assertThat(get(b.leave(NS, "lobby", "never-joined")))
        .isEqualTo(new PresenceDelta(false, null, null));
    assertThat(get(a.members(NS, "lobby"))).extracting(PresenceState::key).containsExactly("bob");
  }

  @Test
  void membersOfADeadInstanceDisappearWithinTheTtlAndLeavePresence() throws Exception {
    RecordingInbound ina = new RecordingInbound();
    RedisBackplane a = up(ina, null);
    RedisBackplane b = up(new RecordingInbound(), null);
    get(a.join(NS, "lobby", "a1", "alice", "{}"));
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    get(b.join(NS, "lobby", "b2", "alice", "{}"));
    assertThat(get(a.members(NS, "lobby"))).hasSize(2);

    b.crashForTest();

    await()
        .atMost(WAIT)
        .until(
            () ->
                get(a.members(NS, "lobby"))
                    .equals(List.of(new PresenceState("alice", "{}", Set.of("a1")))));
    await().atMost(WAIT).until(() -> ina.has("left " + NS + " lobby bob"));
    await().atMost(WAIT).until(() -> ina.has("changed " + NS + " lobby alice"));
    await()
        .atMost(WAIT)
        .until(() -> redis.command("EXISTS", b.keys().instanceRooms(b.instanceId())).equals(":0"));
    // bob's entries are gone from Redis too: joining again makes him new
    assertThat(get(a.join(NS, "lobby", "a2", "bob", "{}")).before()).isNull();
  }

  @Test
  void aCleanCloseRemovesEverythingAndReportsWhoLeft() throws Exception {
    RedisBackplane a = up(new RecordingInbound(), null);
    RecordingInbound inb = new RecordingInbound();
    RedisBackplane b = up(inb, null);
    get(a.join(NS, "lobby", "a1", "alice", "{}"));
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    b.connectionOpened(NS, "b1");
    // a join still in flight when the server stops
    b.join(NS, "lobby", "b2", "carol", "{}");

    b.close();

    assertThat(b.state()).isEqualTo(RedisBackplane.State.CLOSED);
    // the closing instance reported its members leaving, so its runtime announced it at once
    assertThat(inb.events).contains("left " + NS + " lobby bob", "left " + NS + " lobby carol");
    assertThat(get(a.members(NS, "lobby")))
        .isEqualTo(List.of(new PresenceState("alice", "{}", Set.of("a1"))));
    assertThat(redis.command("ZSCORE", b.keys().instances(), b.instanceId())).isEqualTo("$-1");
    assertThat(redis.command("EXISTS", b.keys().instanceRooms(b.instanceId()))).isEqualTo(":0");
    assertThat(redis.command("EXISTS", b.keys().instanceConnections(b.instanceId())))
        .isEqualTo(":0");
  }

  @Test
  void kickReachesTheInstanceHoldingTheConnection() throws Exception {
    RecordingInbound inb = new RecordingInbound();
    RecordingInbound ina = new RecordingInbound();
    RedisBackplane a = up(ina, null);
    RedisBackplane b = up(inb, null);
    b.connectionOpened(NS, "b1");
    a.connectionOpened(NS, "a1");
    await().atMost(WAIT).until(() -> get(a.kick("b1", 4009, "bye")));
    await().atMost(WAIT).until(() -> inb.has("kick b1 4009 bye"));
    assertThat(get(a.kick("a1", 4009, "local"))).isTrue();
    assertThat(ina.has("kick a1 4009 local")).isTrue();
    assertThat(get(a.kick("nobody", 4009, "x"))).isFalse();
    b.connectionClosed("b1");
    await().atMost(WAIT).until(() -> !get(a.kick("b1", 4009, "again")));
  }

  @Test
  void purgeReachesEveryInstanceWithMembersAndClearsTheRoom() throws Exception {
    RecordingInbound ina = new RecordingInbound();
    RecordingInbound inb = new RecordingInbound();
    RedisBackplane a = up(ina, null);
    RedisBackplane b = up(inb, null);
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));
    get(a.purge(NS, "lobby", "closed"));
    assertThat(ina.has("purge " + NS + " lobby closed")).isFalse();
    await().atMost(WAIT).until(() -> inb.has("purge " + NS + " lobby closed"));
    assertThat(redis.command("EXISTS", a.keys().members(NS, "lobby"))).isEqualTo(":0");
    assertThat(redis.command("EXISTS", a.keys().keyConnections(NS, "lobby", "bob")))
        .isEqualTo(":0");
  }

  @Test
  void withASecretUnsignedAndWronglySignedMessagesAreDroppedAndCounted() throws Exception {
    RecordingInbound inb = new RecordingInbound();
    RedisBackplane a = up(new RecordingInbound(), "s3cret");
    RedisBackplane b = up(inb, "s3cret");
    RedisBackplane forger = up(new RecordingInbound(), "wrong");
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));

    get(forger.publish(NS, "lobby", "forged", null, 0));
    String channel = b.keys().roomChannel(NS, "lobby");
    String unsigned =
        new WireCodec(prefix, null)
            .write(
                new WireMessage(
                    WireMessage.Kind.ENVELOPE, "x", prefix, NS, "lobby", null, 0, "unsigned"));
    assertThat(redis.command("PUBLISH", channel, unsigned)).isEqualTo(":1");
    get(a.publish(NS, "lobby", "genuine", null, 0));

    await().atMost(WAIT).until(() -> inb.events.stream().anyMatch(e -> e.contains("genuine")));
    Map<String, Long> stats = b.stats();
    await().atMost(WAIT).until(() -> b.stats().get("dropped") == 2);
    assertThat(b.stats())
        .containsEntry("dropped.unsigned", 1L)
        .containsEntry("dropped.bad_signature", 1L)
        .containsEntry("received", 1L);
    assertThat(stats).isNotNull();
    assertThat(inb.events).noneMatch(e -> e.contains("forged") || e.contains("unsigned"));
  }

  @Test
  void anotherApplicationsPrefixIsIgnored() throws Exception {
    RecordingInbound inb = new RecordingInbound();
    RedisBackplane b = up(inb, null);
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));
    String foreign =
        new WireCodec("other", null)
            .write(
                new WireMessage(
                    WireMessage.Kind.ENVELOPE, "x", "other", NS, "lobby", null, 0, "f"));
    redis.command("PUBLISH", b.keys().roomChannel(NS, "lobby"), foreign);
    await().atMost(WAIT).until(() -> b.stats().get("dropped.foreign") == 1);
    assertThat(inb.events).isEmpty();
  }

  @Test
  void redisUnreachableAtStartThenAvailable() throws Exception {
    int port = RedisProcess.freePort();
    RecordingInbound inb = new RecordingInbound();
    RedisBackplane b = new RedisBackplane(settings("redis://127.0.0.1:" + port, null), inb);
    started.add(b);
    b.start();
    assertThat(b.state()).isEqualTo(RedisBackplane.State.CONNECTING);
    // local answers while Redis is away
    assertThat(get(b.join(NS, "lobby", "b1", "bob", "{}")))
        .isEqualTo(new PresenceDelta(true, null, new PresenceState("bob", "{}", Set.of("b1"))));
    assertThat(get(b.members(NS, "lobby"))).extracting(PresenceState::key).containsExactly("bob");
    assertThat(get(b.publish(NS, "lobby", "lost", null, 0))).isZero();
    assertThat(b.stats().get("skippedWhileDown")).isEqualTo(1);

    try (RedisProcess late = RedisProcess.startOn(port)) {
      await().atMost(WAIT).until(() -> b.state() == RedisBackplane.State.UP);
      RedisBackplane a = new RedisBackplane(settings(late.url(), null), new RecordingInbound());
      started.add(a);
      a.start();
      await().atMost(WAIT).until(() -> a.state() == RedisBackplane.State.UP);
      // b registered its membership once connected, and listens to the room
      await()
          .atMost(WAIT)
          .until(() -> get(a.members(NS, "lobby")).stream().anyMatch(m -> m.key().equals("bob")));
      await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));
      await().atMost(WAIT).until(() -> get(a.publish(NS, "lobby", "hello", null, 0)) == 1);
      await().atMost(WAIT).until(() -> inb.events.stream().anyMatch(e -> e.contains("hello")));
      a.close();
      b.close();
    }
  }

  @Test
  void redisRestartedWhileRunningResumesDeliveryAndRestoresMembership() throws Exception {
    RecordingInbound inb = new RecordingInbound();
    RecordingInbound ina = new RecordingInbound();
    RedisBackplane a = up(ina, null);
    RedisBackplane b = up(inb, null);
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));
    get(a.publish(NS, "lobby", "before", null, 0));
    await().atMost(WAIT).until(() -> inb.events.stream().anyMatch(e -> e.contains("before")));
    assertThat(a.stats()).containsEntry("reconnects", 0L).containsEntry("published", 1L);
    assertThat(b.stats()).containsEntry("received", 1L);

    redis.stop();
    await().atMost(WAIT).until(() -> a.state() == RedisBackplane.State.DOWN);
    await().atMost(WAIT).until(() -> b.state() == RedisBackplane.State.DOWN);
    assertThat(get(a.publish(NS, "lobby", "during", null, 0))).isZero();
    assertThat(a.problem()).hasValueSatisfying(p -> assertThat(p).contains("unreachable for"));
    // local answers continue
    assertThat(get(b.members(NS, "lobby"))).hasSize(1);

    redis.startAgain();
    await().atMost(WAIT).until(() -> a.state() == RedisBackplane.State.UP);
    await().atMost(WAIT).until(() -> b.state() == RedisBackplane.State.UP);
    // Redis lost everything: b registers its member again, and the subscription is back
    await()
        .atMost(WAIT)
        .until(() -> get(a.members(NS, "lobby")).stream().anyMatch(m -> m.key().equals("bob")));
    await().atMost(WAIT).until(() -> get(a.publish(NS, "lobby", "after", null, 0)) == 1);
    await().atMost(WAIT).until(() -> inb.events.stream().anyMatch(e -> e.contains("after")));
    assertThat(inb.events).noneMatch(e -> e.contains("during"));
    assertThat(a.stats().get("reconnects")).isEqualTo(1L);
    assertThat(a.problem()).isEmpty();
    assertThat(b.stats().get("reconnects")).isEqualTo(1L);
  }

  @Test
  void recoveryReturnsMissedMessagesOrNotRecovered() throws Exception {
    RedisBackplane a = up(new RecordingInbound(), null);
    List<Long> offsets = new ArrayList<>();
    String epoch = null;
    for (int i = 1; i <= 3; i++) {
      Map.Entry<String, Long> r = get(a.reserve(NS, "news"));
      epoch = r.getKey();
      offsets.add(r.getValue());
      get(a.publishRecoverable(NS, "news", "m" + r.getValue(), null, r.getValue()));
    }
    assertThat(offsets).containsExactly(1L, 2L, 3L);

    History h = get(a.history(NS, "news", epoch, 1));
    assertThat(h.recovered()).isTrue();
    assertThat(h.envelopes()).containsExactly("m2", "m3");
    assertThat(h.offset()).isEqualTo(3);
    assertThat(get(a.history(NS, "news", epoch, 3)))
        .isEqualTo(new History(true, epoch, 3, List.of()));
    assertThat(get(a.history(NS, "news", "other-epoch", 1)).recovered()).isFalse();
    assertThat(get(a.history(NS, "news", epoch, 9)).recovered()).isFalse();

    // the stream keeps about recovery-size (5) entries: old offsets are trimmed
    for (int i = 0; i < 300; i++) {
      long o = get(a.reserve(NS, "news")).getValue();
      get(a.publishRecoverable(NS, "news", "m" + o, null, o));
    }
    History trimmed = get(a.history(NS, "news", epoch, 1));
    assertThat(trimmed.recovered()).isFalse();
    assertThat(trimmed.envelopes()).isEmpty();
    History recent = get(a.history(NS, "news", epoch, 301));
    assertThat(recent.recovered()).isTrue();
    assertThat(recent.envelopes()).containsExactly("m302", "m303");
  }
}
