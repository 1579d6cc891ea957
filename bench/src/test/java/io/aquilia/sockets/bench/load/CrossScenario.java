package io.aquilia.sockets.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Cross-instance delivery through the Redis adapter: two servers of one cluster ({@code a} and
 * {@code b}, same Redis), a publisher on {@code a} publishing validated, acknowledged events at a
 * fixed rate to one room whose members are all on {@code b}. Each round also runs the same load
 * with the members on {@code a} (same instance, same adapter) as the baseline: the difference is
 * the hop through Redis. A third placement, {@code raw local}, runs the same load through the
 * hand-written endpoints on {@code a} (they have no cluster): what the machine reaches without the
 * framework, so that a missed target can be told apart from a slow machine. Delivery latency is
 * measured from the publisher's send to each member's receipt (one clock: the load generator's).
 */
final class CrossScenario {

  /** The published target: p99 delivery latency at most this, at {@link #RATE} publishes/s. */
  static final double TARGET_P99_MICROS = 5_000;

  static final double RATE = 1_000;

  /** Where the members are: {@code cross} is the measured one, the others are references. */
  static final List<String> PLACEMENTS = List.of("cross", "local", "raw local");

  /** Sequence numbers of the probes that wait for the subscriptions, apart from measured ones. */
  private static final long PROBE = 1_000_000_000L;

  private final Target a;
  private final Target b;
  private final Client client;
  private final Profile profile;
  private final int members;

  /**
   * @param a the publisher's server
   * @param b the members' server (the same as {@code a} for a smoke run without a second one)
   * @param members the room's size
   */
  CrossScenario(Target a, Target b, Client client, Profile profile, int members) {
    this.a = a;
    this.b = b;
    this.client = client;
    this.profile = profile;
    this.members = members;
  }

  Map<String, Object> run() {
    // Both servers and the Redis path (Redisson, the listener threads) need their own warm-up.
    // Cold, they do not keep up with RATE (a full run's first 30 s at RATE fell 7 s behind and
    // its members' queues overflowed), so each placement first runs at a fifth of it.
    double warmup = 3 * profile.warmupSeconds();
    Log.info(
        "cross-instance: %d members, %.0f publishes/s, warm-up %.1f s at %.0f/s, then %.1f s",
        members, RATE, warmup / 2, RATE / 5, warmup);
    for (double rate : List.of(RATE / 5, RATE)) {
      for (String placement : PLACEMENTS) {
        phase(placement, rate == RATE ? warmup : warmup / 2, rate);
      }
    }
    Map<String, List<FanoutScenario.Phase>> byPlacement = new LinkedHashMap<>();
    PLACEMENTS.forEach(p -> byPlacement.put(p, new ArrayList<>()));
    for (int r = 0; r < profile.rounds(); r++) {
      // each round starts with the next placement: every one runs first, second and last
      for (int i = 0; i < PLACEMENTS.size(); i++) {
        String placement = PLACEMENTS.get((r + i) % PLACEMENTS.size());
        byPlacement.get(placement).add(phase(placement, profile.seconds(), RATE));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("client", client.name());
    out.put("publisher", a.base().toString());
    out.put("members_on", b.base().toString());
    out.put("same_server", a.equals(b));
    out.put("members", members);
    out.put("publishes_per_s", RATE);
    out.put("seconds_per_round", profile.seconds());
    out.put("rounds", profile.rounds());
    out.put("target_p99_us", TARGET_P99_MICROS);
    Map<String, Object> placements = new LinkedHashMap<>();
    byPlacement.forEach(
        (placement, phases) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put(
              "delivered_per_s",
              Stats.summary(
                  phases.stream().map(FanoutScenario.Phase::deliveredPerSecond).toList()));
          s.put("lost", phases.stream().mapToLong(FanoutScenario.Phase::lost).sum());
          s.put("published", phases.stream().mapToLong(FanoutScenario.Phase::published).sum());
          s.put(
              "latency",
              Stats.latencyMicros(
                  LongList.sortedUnionOf(
                      phases.stream().map(FanoutScenario.Phase::latency).toList())));
          s.put(
              "p99_us_per_round",
              phases.stream()
                  .map(p -> Math.round(Stats.quantile(p.latency(), 0.99) / 1000))
                  .toList());
          placements.put(placement, s);
        });
    out.put("placements", placements);
    return out;
  }

  /**
   * One round of a placement: the publisher on {@code a}, the members on {@code b} ({@code cross})
   * or on {@code a}, through the framework or ({@code raw local}) the hand-written endpoints;
   * {@code rate} publishes/s for {@code seconds}.
   */
  private FanoutScenario.Phase phase(String placement, double seconds, double rate) {
    Target where = "cross".equals(placement) ? b : a;
    String impl = "raw local".equals(placement) ? "raw" : "fw";
    Round round = new Round();
    FanoutScenario.Publisher pub = new FanoutScenario.Publisher();
    List<FanoutScenario.Member> room = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      room.add(new FanoutScenario.Member(round, pub.delivered));
    }
    try {
      Peer.openAll(client, where.ws(impl, "room/r0"), room, 64, Duration.ofSeconds(60));
      where.awaitOpen(impl, "room", members, Duration.ofSeconds(30));
      Peer.openAll(client, a.ws(impl, "pub"), List.of(pub), 1, Duration.ofSeconds(30));
      // the first publish crosses only once both instances know of the room: wait for it
      awaitDelivery(pub);
      room.forEach(m -> m.latencies = new LongList());
      pub.reset();
      long received0 = pub.delivered.sum();
      long[] gc0 = gcMillis(where);
      round.measuring = true;
      long t0 = System.nanoTime();
      long end = t0 + (long) (seconds * 1e9);
      long published = 0;
      long period = (long) (1e9 / rate);
      for (long next = t0; next < end; next += period) {
        LockSupport.parkNanos(next - System.nanoTime());
        pub.publish(published++, 1);
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      long inWindow = pub.delivered.sum() - received0;
      round.measuring = false;
      long[] gc1 = gcMillis(where);
      long expected = published * members;
      Sleep.until(() -> pub.delivered.sum() - received0 >= expected, 30_000);
      long lost = Math.max(0, expected - (pub.delivered.sum() - received0));
      long[] latency = LongList.sortedUnion(room.stream().map(m -> m.latencies).toList());
      Log.info(
          "cross-instance %s, members on %s: %.0f delivered/s lost=%d p50=%.0fus p99=%.0fus | GC ms:"
              + " publisher's server %d, members' server %d, load generator %d",
          placement,
          where.base(),
          inWindow / wall,
          lost,
          Stats.quantile(latency, 0.5) / 1000,
          Stats.quantile(latency, 0.99) / 1000,
          gc1[0] - gc0[0],
          gc1[1] - gc0[1],
          gc1[2] - gc0[2]);
      return new FanoutScenario.Phase(published, inWindow / wall, lost, latency, null);
    } finally {
      Peer.closeAll(List.of(pub));
      Peer.closeAll(room);
      where.awaitOpen(impl, "room", 0, Duration.ofSeconds(60));
    }
  }

  /**
   * Collector milliseconds so far of the publisher's server, the members' server (the same one in
   * local rounds) and the load generator.
   */
  private long[] gcMillis(Target where) {
    return new long[] {
      a.stats(false).field("gcMillis"), where.stats(false).field("gcMillis"), Cpu.gcMillis()
    };
  }

  /** Publishes probes until one reaches a member (subscriptions settle in the background). */
  private static void awaitDelivery(FanoutScenario.Publisher pub) {
    long before = pub.delivered.sum();
    long probes = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (pub.delivered.sum() == before) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no publish reached the members within 30 s");
      }
      pub.publish(PROBE + probes++, 1);
      Sleep.until(() -> pub.delivered.sum() > before, 200);
    }
    long sent = probes;
    Sleep.until(() -> pub.acked() >= sent, 5_000); // every probe answered before measuring
  }
}
