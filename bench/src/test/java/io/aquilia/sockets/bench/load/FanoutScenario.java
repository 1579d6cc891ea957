package io.aquilia.sockets.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * fan-out: one room of N members and a publisher whose validated, acknowledged {@code publish} is
 * broadcast to the room. Three phases per round: a fixed publish rate below saturation (delivery
 * latency, lost messages), the maximum rate the room absorbs without overflowing a queue
 * (delivered/s), and the maximum rate with one extra member that never reads (the others'
 * delivered/s must not drop by more than 5 %).
 */
final class FanoutScenario {

  /** Publishes per member that the maximum-rate publisher may be ahead of the deliveries. */
  static final int AHEAD = 16;

  private static final String TEXT = "tick payload 0123456789 abcdefghijklmnopqrstuvwxyz";

  /**
   * One phase of one round.
   *
   * @param published publishes sent
   * @param deliveredPerSecond deliveries per second to the normal members, in the measured window
   * @param lost deliveries missing after the drain (normal members only)
   * @param latency sorted delivery latencies in nanoseconds
   * @param measure CPU and time
   */
  record Phase(
      long published, double deliveredPerSecond, long lost, long[] latency, Measure measure) {}

  /**
   * The rooms of a fan-out run.
   *
   * @param count how many rooms
   * @param size members per room
   */
  record Rooms(int count, int size) {

    /** {@code "100"}: one room of 100; {@code "100x10"}: 100 rooms of 10. */
    static Rooms parse(String spec) {
      String[] p = spec.split("x");
      return p.length == 1
          ? new Rooms(1, Integer.parseInt(p[0]))
          : new Rooms(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    }

    int members() {
      return count * size;
    }

    String label() {
      return count == 1 ? "N=" + size : count + " rooms of " + size;
    }
  }

  private final Target target;
  private final Client client;
  private final Profile profile;

  FanoutScenario(Target target, Client client, Profile profile) {
    this.target = target;
    this.client = client;
    this.profile = profile;
  }

  Map<String, Object> run() {
    Log.info("fan-out: warm-up, %.1f s per phase and implementation", profile.warmupSeconds());
    for (String impl : Bench.IMPLS) {
      round(
          impl,
          new Rooms(1, Math.min(100, Rooms.parse(profile.roomSizes().get(0)).size())),
          100,
          profile.warmupSeconds(),
          profile.warmupSeconds(),
          0);
    }
    List<Object> rooms = new ArrayList<>();
    for (String spec : profile.roomSizes()) {
      Rooms n = Rooms.parse(spec);
      double rate = Math.max(1, profile.fixedDeliveries() / n.size());
      Map<String, Map<String, List<Phase>>> byImpl = new LinkedHashMap<>();
      for (int r = 0; r < profile.rounds(); r++) {
        for (String impl : Bench.order(r)) {
          Map<String, Phase> phases =
              round(impl, n, rate, profile.seconds(), profile.maxPhaseSeconds(), r);
          phases.forEach(
              (name, p) ->
                  byImpl
                      .computeIfAbsent(impl, k -> new LinkedHashMap<>())
                      .computeIfAbsent(name, k -> new ArrayList<>())
                      .add(p));
        }
      }
      rooms.add(summarize(n, rate, byImpl));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("client", client.name());
    out.put("seconds_per_phase", profile.seconds());
    out.put("seconds_per_max_phase", profile.maxPhaseSeconds());
    out.put("rounds", profile.rounds());
    out.put(
        "room",
        "rooms of the socket: members join r0, r1, ... on connect (joinPathRoom), the publisher"
            + " publishes round-robin to them (SocketController.publish)");
    out.put("rooms", rooms);
    return out;
  }

  private static Map<String, Object> summarize(
      Rooms n, double rate, Map<String, Map<String, List<Phase>>> byImpl) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", n.label());
    m.put("members", n.members());
    m.put("rooms", n.count());
    m.put("room_size", n.size());
    m.put("fixed_rate_publishes_per_s", rate);
    Map<String, Double> max = new LinkedHashMap<>();
    for (var e : byImpl.entrySet()) {
      Map<String, Object> s = new LinkedHashMap<>();
      for (var phase : e.getValue().entrySet()) {
        List<Phase> ps = phase.getValue();
        Map<String, Object> p = new LinkedHashMap<>();
        List<Double> rates = ps.stream().map(Phase::deliveredPerSecond).toList();
        p.put("delivered_per_s", Stats.summary(rates));
        p.put("lost", ps.stream().mapToLong(Phase::lost).sum());
        p.put("published", ps.stream().mapToLong(Phase::published).sum());
        p.put(
            "p50_us",
            Stats.round(
                Stats.median(
                    ps.stream().map(x -> Stats.quantile(x.latency(), 0.5) / 1000).toList())));
        p.put(
            "p99_us",
            Stats.round(
                Stats.median(
                    ps.stream().map(x -> Stats.quantile(x.latency(), 0.99) / 1000).toList())));
        p.put(
            "client_cores",
            Stats.round(Stats.median(ps.stream().map(x -> x.measure().clientCores()).toList())));
        p.put(
            "server_cores",
            Stats.round(Stats.median(ps.stream().map(x -> x.measure().serverCores()).toList())));
        p.put(
            "other_cores",
            Stats.round(Stats.median(ps.stream().map(x -> x.measure().otherCores()).toList())));
        s.put(phase.getKey(), p);
      }
      double base =
          Stats.median(e.getValue().get("max").stream().map(Phase::deliveredPerSecond).toList());
      double slow =
          Stats.median(
              e.getValue().get("max_slow_member").stream().map(Phase::deliveredPerSecond).toList());
      s.put("slow_member_rate_change", Stats.ratio(slow - base, base));
      max.put(e.getKey(), base);
      m.put(e.getKey(), s);
    }
    Map<String, Object> ratio = new LinkedHashMap<>();
    ratio.put(
        "max_delivered", Stats.ratio(max.getOrDefault("fw", 0.0), max.getOrDefault("raw", 0.0)));
    m.put("ratio_fw_to_raw", ratio);
    return m;
  }

  /**
   * One round of one implementation. The two maximum-rate phases swap places from round to round
   * (odd rounds measure with the slow member first, then without it once it has left), so that what
   * changes from one phase to the next within a round (heap, JIT) does not count as the slow
   * member's effect.
   */
  private Map<String, Phase> round(
      String impl, Rooms n, double rate, double seconds, double maxSeconds, int roundIndex) {
    List<Member> members = new ArrayList<>();
    Round round = new Round();
    Publisher pub = new Publisher();
    List<List<Member>> byRoom = new ArrayList<>();
    for (int r = 0; r < n.count(); r++) {
      List<Member> room = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        room.add(new Member(round, pub.delivered));
      }
      byRoom.add(room);
      members.addAll(room);
    }
    Map<String, Phase> phases = new LinkedHashMap<>();
    SlowMember slow = null;
    ServerStats before = target.stats(false);
    try {
      for (int r = 0; r < n.count(); r++) {
        Peer.openAll(
            client, target.ws(impl, "room/r" + r), byRoom.get(r), 64, Duration.ofSeconds(120));
      }
      awaitMembers(impl, n, n.members(), "after connecting");
      Peer.openAll(client, target.ws(impl, "pub"), List.of(pub), 1, Duration.ofSeconds(30));
      phases.put("fixed_rate", phase(members, pub, round, n, rate, seconds));
      census(impl, n, "after the fixed rate");
      Runnable max =
          () -> {
            phases.put("max", phase(members, pub, round, n, 0, maxSeconds));
            census(impl, n, "after the maximum rate");
          };
      boolean slowFirst = roundIndex % 2 == 1;
      if (!slowFirst) {
        max.run();
      }
      slow = SlowMember.join(target.ws(impl, "room/r0"));
      awaitMembers(impl, n, n.members() + 1, "with the slow member");
      phases.put("max_slow_member", phase(members, pub, round, n, 0, maxSeconds));
      if (slowFirst) {
        slow.close();
        slow = null;
        awaitMembers(impl, n, n.members(), "after the slow member left");
        max.run();
      }
      Phase f = phases.get("fixed_rate");
      Log.info(
          "fan-out %s %s: fixed %.0f/s lost=%d p50=%.0fus p99=%.0fus | max %.0f/s | with slow member %.0f/s | other load %.2f cores",
          n.label(),
          impl,
          f.deliveredPerSecond(),
          f.lost(),
          Stats.quantile(f.latency(), 0.5) / 1000,
          Stats.quantile(f.latency(), 0.99) / 1000,
          phases.get("max").deliveredPerSecond(),
          phases.get("max_slow_member").deliveredPerSecond(),
          phases.get("max").measure().otherCores());
      return phases;
    } finally {
      closes(impl, n, before, target.stats(false));
      if (slow != null) {
        slow.close();
      }
      Peer.closeAll(List.of(pub));
      Peer.closeAll(members);
      target.awaitOpen(impl, "room", 0, Duration.ofSeconds(60));
    }
  }

  /**
   * Waits until the server holds {@code expected} room connections. Not fatal when it does not:
   * members the server closed count as lost deliveries, a phase measures the members that are
   * there, and the log says which are missing.
   */
  private void awaitMembers(String impl, Rooms n, int expected, String when) {
    try {
      target.awaitOpen(impl, "room", expected, Duration.ofSeconds(30));
    } catch (IllegalStateException missing) {
      Log.info("fan-out %s %s: %s", n.label(), impl, missing.getMessage());
      census(impl, n, when);
    }
  }

  /** Logs how many members the server holds when the client holds {@code n.members()}. */
  private void census(String impl, Rooms n, String when) {
    ServerStats s = target.stats(false);
    long open = s.open(impl, "room");
    if (open != n.members() || ("fw".equals(impl) && s.field("fwRoomMembers") != n.members())) {
      Log.info(
          "fan-out %s %s %s: the server has %d connections (%d room memberships), the client %d",
          n.label(), impl, when, open, s.field("fwRoomMembers"), n.members());
    }
  }

  /** Logs what the framework's room socket closed or dropped during a round (the slow member's). */
  private static void closes(String impl, Rooms n, ServerStats before, ServerStats after) {
    if (!"fw".equals(impl)) {
      return;
    }
    long heartbeat =
        after.field("fwRoomHeartbeatTimeouts") - before.field("fwRoomHeartbeatTimeouts");
    long slow = after.field("fwRoomSlowConsumerCloses") - before.field("fwRoomSlowConsumerCloses");
    long dropped = after.field("fwRoomDropped") - before.field("fwRoomDropped");
    Log.info(
        "fan-out %s fw: %d members in rooms at the end; closed for heartbeat timeout %d, as slow"
            + " consumers %d; dropped %d",
        n.label(), after.field("fwRoomMembers"), heartbeat, slow, dropped);
  }

  /**
   * One phase: {@code rate} publishes per second, or (rate 0) the maximum rate that the room
   * absorbs: the publisher stays at most {@value #AHEAD} messages per member ahead of what the
   * members have received, so no queue overflows and the rate is the delivery capacity.
   */
  private Phase phase(
      List<Member> members, Publisher pub, Round round, Rooms n, double rate, double seconds) {
    members.forEach(m -> m.latencies = new LongList());
    pub.reset();
    long received0 = pub.delivered.sum();
    round.measuring = true;
    Measure.Started started = Measure.start(target);
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long published = 0;
    if (rate > 0) {
      long period = (long) (1e9 / rate);
      for (long next = t0; next < end; next += period) {
        LockSupport.parkNanos(next - System.nanoTime());
        pub.publish(published++, n.count());
      }
    } else {
      while (System.nanoTime() < end) {
        while ((published * n.size()) - (pub.delivered.sum() - received0)
                > (long) n.members() * AHEAD
            && System.nanoTime() < end) {
          LockSupport.parkNanos(200_000);
        }
        pub.awaitPermit();
        pub.publish(published++, n.count());
      }
    }
    long inWindow = pub.delivered.sum() - received0;
    Measure m = started.stop();
    round.measuring = false;
    long expected = published * n.size();
    long total = published;
    Sleep.until(() -> pub.acked() >= total, 30_000);
    Sleep.until(() -> pub.delivered.sum() - received0 >= expected, 30_000);
    long lost = expected - (pub.delivered.sum() - received0);
    long[] latency = LongList.sortedUnion(members.stream().map(x -> x.latencies).toList());
    return new Phase(published, inWindow / m.seconds(), Math.max(0, lost), latency, m);
  }

  /** A room member: counts ticks and records their latency while measuring. */
  static final class Member extends Peer {
    private final Round round;
    private final LongAdder delivered;
    volatile LongList latencies = new LongList();

    Member(Round round, LongAdder delivered) {
      this.round = round;
      this.delivered = delivered;
    }

    @Override
    void message(String text) {
      long now = System.nanoTime();
      long sent = longAfter(text, "\"t\":");
      if (sent < 0) {
        return;
      }
      delivered.increment();
      if (round.measuring) {
        latencies.add(now - sent);
      }
    }
  }

  /** The publisher: acknowledged publishes, at most 8 in flight in the maximum-rate phases. */
  static final class Publisher extends Peer {
    final LongAdder delivered = new LongAdder();
    private final Semaphore window = new Semaphore(8);
    private volatile long acked;

    void reset() {
      window.drainPermits();
      window.release(8);
      acked = 0;
    }

    long acked() {
      return acked;
    }

    void awaitPermit() {
      try {
        window.tryAcquire(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Publishes message {@code seq} to room {@code r<seq % rooms>}. */
    void publish(long seq, int rooms) {
      conn.send(
          "{\"id\":"
              + seq
              + ",\"type\":\"event\",\"event\":\"publish\",\"payload\":{\"room\":\"r"
              + (seq % rooms)
              + "\",\"seq\":"
              + seq
              + ",\"t\":"
              + System.nanoTime()
              + ",\"text\":\""
              + TEXT
              + "\"},\"ack\":true}");
    }

    @Override
    void message(String text) {
      if (text.startsWith("{\"id\":") && Character.isDigit(text.charAt(6))) {
        acked++;
        window.release();
      }
    }
  }
}
