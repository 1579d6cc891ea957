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
 * broadcast to the room. Both implementations' rooms are connected for the whole row. Per round: a
 * fixed publish rate below saturation (delivery latency, lost messages), {@value #MAX_PAIRS} pairs
 * of windows at the maximum rate the room absorbs without overflowing a queue (delivered/s; a fw
 * window next to a raw one), and then, with one extra member in room r0, {@value #SLOW_PAIRS} pairs
 * of maximum-rate windows: one where the extra member reads, one where it does not (the others'
 * delivered/s must not drop by more than 5 %). The two windows of a pair are next to each other,
 * and which comes first alternates, so that what changes with time (heap, JIT, the machine's speed)
 * does not count as a difference between them.
 */
final class FanoutScenario {

  /** Publishes per member that the maximum-rate publisher may be ahead of the deliveries. */
  static final int AHEAD = 16;

  /** Pairs of maximum-rate windows (fw, raw) per round. */
  static final int MAX_PAIRS = 2;

  /** Pairs of windows (extra member reading, not reading) per round. */
  static final int SLOW_PAIRS = 2;

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
      long published, double deliveredPerSecond, long lost, long[] latency, Measure measure) {

    /** Server CPU time per delivery in the measured window, in microseconds. */
    double serverMicrosPerDelivery() {
      double deliveries = deliveredPerSecond * measure.seconds();
      return deliveries > 0 ? measure.serverCpuNanos() / 1000.0 / deliveries : 0;
    }
  }

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
      try (Side side =
          new Side(
              impl, new Rooms(1, Math.min(100, Rooms.parse(profile.roomSizes().get(0)).size())))) {
        side.phase(100, profile.warmupSeconds());
        side.phase(0, profile.warmupSeconds());
      }
    }
    List<Object> rooms = new ArrayList<>();
    for (String spec : profile.roomSizes()) {
      Rooms n = Rooms.parse(spec);
      double rate = Math.max(1, profile.fixedDeliveries() / n.size());
      Map<String, Map<String, List<Phase>>> byImpl = new LinkedHashMap<>();
      // Both implementations' rooms stay connected for all rounds of a row, so that the windows
      // compared with each other follow each other within a second; an idle room costs the other
      // implementation nothing but heap and a WebSocket ping per member and heartbeat interval.
      try (Side fw = new Side("fw", n);
          Side raw = new Side("raw", n)) {
        // one unmeasured maximum-rate window each first, as in echo-ack: the first window after
        // both rooms connected ran slower than the rest
        double settle = Math.min(EchoScenario.SETTLE_SECONDS, profile.maxPhaseSeconds());
        fw.phase(0, settle);
        raw.phase(0, settle);
        for (int r = 0; r < profile.rounds(); r++) {
          round(fw, raw, rate, r, byImpl);
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

  /**
   * One round of both implementations, in {@link Bench#order} of the round: each one's fixed rate;
   * then {@value #MAX_PAIRS} pairs of maximum-rate windows, the second pair in the opposite order
   * (fw raw raw fw, or raw fw fw raw), so that a steady drift of the machine's speed cancels out of
   * the paired ratio; then each one's {@value #SLOW_PAIRS} pairs of slow-member windows.
   */
  private void round(
      Side fw, Side raw, double rate, int r, Map<String, Map<String, List<Phase>>> byImpl) {
    List<Side> order = Bench.order(r).get(0).equals("fw") ? List.of(fw, raw) : List.of(raw, fw);
    ServerStats before = target.stats(false);
    Map<Side, Phase> fixed = new LinkedHashMap<>();
    for (Side side : order) {
      Phase f = side.phase(rate, profile.seconds());
      fixed.put(side, f);
      add(byImpl, side, "fixed_rate", f);
      census(side.impl, side.n, "after the fixed rate");
    }
    Map<Side, List<Phase>> max = new LinkedHashMap<>();
    for (int pair = 0; pair < MAX_PAIRS; pair++) {
      for (Side side : pair % 2 == 0 ? order : List.of(order.get(1), order.get(0))) {
        Phase m = side.phase(0, profile.maxPhaseSeconds());
        max.computeIfAbsent(side, k -> new ArrayList<>()).add(m);
        add(byImpl, side, "max", m);
      }
    }
    for (Side side : order) {
      census(side.impl, side.n, "after the maximum rate");
      List<Phase> reading = new ArrayList<>();
      List<Phase> slow = new ArrayList<>();
      side.slowMember(r, reading, slow);
      reading.forEach(p -> add(byImpl, side, "max_reading_member", p));
      slow.forEach(p -> add(byImpl, side, "max_slow_member", p));
      Phase f = fixed.get(side);
      Log.info(
          "fan-out %s %s round %d: fixed %.0f/s lost=%d p50=%.0fus p99=%.0fus | max %s /s | extra member reading %s, not reading %s /s | other load %.2f cores | server GC %d ms in the max windows",
          side.n.label(),
          side.impl,
          r + 1,
          f.deliveredPerSecond(),
          f.lost(),
          Stats.quantile(f.latency(), 0.5) / 1000,
          Stats.quantile(f.latency(), 0.99) / 1000,
          rates(max.get(side)),
          rates(reading),
          rates(slow),
          max.get(side).get(0).measure().otherCores(),
          max.get(side).stream().mapToLong(p -> p.measure().serverGcMillis()).sum());
    }
    closes(fw.impl, fw.n, before, target.stats(false));
  }

  private static void add(
      Map<String, Map<String, List<Phase>>> byImpl, Side side, String phase, Phase p) {
    // fw's entry first whichever ran first, as the report expects
    if (byImpl.isEmpty()) {
      Bench.IMPLS.forEach(impl -> byImpl.put(impl, new LinkedHashMap<>()));
    }
    byImpl.get(side.impl).computeIfAbsent(phase, k -> new ArrayList<>()).add(p);
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
        p.put(
            "server_cpu_us_per_delivery",
            Stats.round(Stats.median(ps.stream().map(Phase::serverMicrosPerDelivery).toList())));
        p.put(
            "server_gc_ms",
            Stats.median(ps.stream().map(x -> (double) x.measure().serverGcMillis()).toList()));
        p.put(
            "client_gc_ms",
            Stats.median(ps.stream().map(x -> (double) x.measure().clientGcMillis()).toList()));
        s.put(phase.getKey(), p);
      }
      double base =
          Stats.median(e.getValue().get("max").stream().map(Phase::deliveredPerSecond).toList());
      List<Phase> slow = e.getValue().get("max_slow_member");
      List<Phase> reading = e.getValue().get("max_reading_member");
      List<Double> changes = new ArrayList<>();
      for (int i = 0; i < slow.size(); i++) {
        changes.add(
            Stats.ratio(slow.get(i).deliveredPerSecond(), reading.get(i).deliveredPerSecond()) - 1);
      }
      s.put("slow_member_rate_change", Stats.summary(changes));
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
   * One implementation's rooms, members and publisher, connected for every round of a row. Its
   * phases share the connections; each phase counts its own deliveries and latencies.
   */
  private final class Side implements AutoCloseable {
    private final String impl;
    private final Rooms n;
    private final Round round = new Round();
    private final Publisher pub = new Publisher();
    private final List<Member> members = new ArrayList<>();

    Side(String impl, Rooms n) {
      this.impl = impl;
      this.n = n;
      try {
        for (int r = 0; r < n.count(); r++) {
          List<Member> room = new ArrayList<>();
          for (int i = 0; i < n.size(); i++) {
            room.add(new Member(round, pub.delivered));
          }
          members.addAll(room);
          Peer.openAll(client, target.ws(impl, "room/r" + r), room, 64, Duration.ofSeconds(120));
        }
        awaitMembers(impl, n, n.members(), "after connecting");
        Peer.openAll(client, target.ws(impl, "pub"), List.of(pub), 1, Duration.ofSeconds(30));
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    /** A phase at {@code rate} publishes/s, or at the maximum rate (0). */
    Phase phase(double rate, double seconds) {
      return FanoutScenario.this.phase(members, pub, round, n, rate, seconds);
    }

    /**
     * The extra member's {@value #SLOW_PAIRS} pairs of maximum-rate windows: it joins room r0,
     * reads in one window of a pair and not in the other (the first window of a pair is the slow
     * one in odd pairs of even rounds and even pairs of odd rounds), and leaves.
     */
    void slowMember(int roundIndex, List<Phase> reading, List<Phase> slow) {
      try (SlowMember extra = SlowMember.join(target.ws(impl, "room/r0"))) {
        awaitMembers(impl, n, n.members() + 1, "with the extra member");
        for (int w = 0; w < 2 * SLOW_PAIRS; w++) {
          // the slow window is first in pair w / 2 when roundIndex + w / 2 is odd
          boolean slowWindow = ((roundIndex + w / 2) % 2 == 1) == (w % 2 == 0);
          extra.reading(!slowWindow);
          (slowWindow ? slow : reading).add(phase(0, profile.maxPhaseSeconds()));
        }
      }
      awaitMembers(impl, n, n.members(), "after the extra member left");
    }

    @Override
    public void close() {
      Peer.closeAll(List.of(pub));
      Peer.closeAll(members);
      target.awaitOpen(impl, "room", 0, Duration.ofSeconds(60));
    }
  }

  private static String rates(List<Phase> phases) {
    return phases.stream()
        .map(
            p ->
                "%d (%.2f us cpu)"
                    .formatted(Math.round(p.deliveredPerSecond()), p.serverMicrosPerDelivery()))
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
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
