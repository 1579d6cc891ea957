package io.aquilia.sockets.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * echo-ack: C connections each keep W validated, acknowledged {@code echo} events in flight (W = 1
 * is a closed loop); throughput and round-trip latency, framework and baseline alternately.
 */
final class EchoScenario {

  static final String TEXT = "the quick brown fox jumps over the lazy dog 0123456789";

  /**
   * Pairs of windows (fw, raw) per round, each window a {@code PAIRS}-th of the round's seconds:
   * with 5 pairs of 3 s, adjacent windows of the same code differed by up to 30 % on the AMD
   * machine, so one slow stretch moved a median; 10 shorter pairs halve what one stretch can do.
   */
  static final int PAIRS = 2;

  /** The unmeasured round of each implementation after a combination's connections open. */
  static final double SETTLE_SECONDS = 1;

  /**
   * One measured combination.
   *
   * @param connections C
   * @param window W, messages in flight per connection
   */
  record Config(int connections, int window) {}

  /**
   * One round of one implementation.
   *
   * @param throughput acknowledgements per second
   * @param latency sorted round-trip times in nanoseconds
   * @param measure CPU and time
   * @param errors error acknowledgements (must be 0)
   */
  record RoundResult(double throughput, long[] latency, Measure measure, long errors) {}

  private final Target target;
  private final Client client;
  private final Profile profile;

  EchoScenario(Target target, Client client, Profile profile) {
    this.target = target;
    this.client = client;
    this.profile = profile;
  }

  Map<String, Object> run() {
    Log.info("echo-ack: warm-up %.1f s per implementation", profile.warmupSeconds());
    for (String impl : Bench.IMPLS) {
      round(impl, new Config(16, 16), profile.warmupSeconds());
    }
    List<Object> results = new ArrayList<>();
    for (Config c : profile.echoConfigs()) {
      Map<String, List<RoundResult>> byImpl = new LinkedHashMap<>();
      // Both implementations' connections stay open for all rounds of a combination, so the rounds
      // of a pair follow each other within a second (an idle connection costs the other side
      // nothing but its heap).
      try (Side fw = new Side("fw", c);
          Side raw = new Side("raw", c)) {
        // one unmeasured round each first: in a run without it, the first pair of 7 of the 8
        // combinations was fw's lowest (fw runs first there, right after both sides connected)
        fw.window(Math.min(SETTLE_SECONDS, profile.seconds()));
        raw.window(Math.min(SETTLE_SECONDS, profile.seconds()));
        for (int r = 0; r < profile.rounds(); r++) {
          for (int pair = 0; pair < PAIRS; pair++) {
            // the second pair in the opposite order (fw raw raw fw): a steady drift cancels out
            List<String> order = Bench.order(r + pair);
            for (String impl : order) {
              RoundResult rr = (impl.equals("fw") ? fw : raw).window(profile.seconds() / PAIRS);
              byImpl.computeIfAbsent(impl, k -> new ArrayList<>()).add(rr);
              Log.info(
                  "echo-ack C=%d W=%d %s round %d.%d: %.0f msg/s p50=%.0fus p99=%.0fus client=%.2f cores server=%.2f cores other=%.2f cores",
                  c.connections(),
                  c.window(),
                  impl,
                  r + 1,
                  pair + 1,
                  rr.throughput(),
                  Stats.quantile(rr.latency(), 0.5) / 1000,
                  Stats.quantile(rr.latency(), 0.99) / 1000,
                  rr.measure().clientCores(),
                  rr.measure().serverCores(),
                  rr.measure().otherCores());
            }
          }
        }
      }
      results.add(summarize(c, byImpl));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("client", client.name());
    out.put("seconds_per_round", profile.seconds());
    out.put("pairs_per_round", PAIRS);
    out.put("seconds_per_window", profile.seconds() / PAIRS);
    out.put("rounds", profile.rounds());
    out.put("configs", results);
    return out;
  }

  static Map<String, Object> summarize(Config c, Map<String, List<RoundResult>> byImpl) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("connections", c.connections());
    m.put("window", c.window());
    Map<String, Double> tput = new LinkedHashMap<>();
    Map<String, Double> p99 = new LinkedHashMap<>();
    for (Map.Entry<String, List<RoundResult>> e : byImpl.entrySet()) {
      List<RoundResult> rounds = e.getValue();
      Map<String, Object> s = new LinkedHashMap<>();
      List<Double> t = rounds.stream().map(RoundResult::throughput).toList();
      s.put("throughput", Stats.summary(t));
      for (String q : List.of("p50", "p99", "p999")) {
        double quant = q.equals("p50") ? 0.5 : q.equals("p99") ? 0.99 : 0.999;
        List<Double> v =
            rounds.stream().map(r -> Stats.quantile(r.latency(), quant) / 1000).toList();
        s.put(q + "_us", Stats.summary(v));
        if (q.equals("p99")) {
          p99.put(e.getKey(), Stats.median(v));
        }
      }
      s.put(
          "client_cores",
          Stats.round(Stats.median(rounds.stream().map(r -> r.measure().clientCores()).toList())));
      s.put(
          "server_cores",
          Stats.round(Stats.median(rounds.stream().map(r -> r.measure().serverCores()).toList())));
      s.put(
          "client_cpu_us_per_msg",
          Stats.round(
              Stats.median(
                  rounds.stream()
                      .map(
                          r ->
                              r.measure().clientCpuNanos()
                                  / 1e3
                                  / (r.throughput() * r.measure().seconds()))
                      .toList())));
      s.put(
          "server_cpu_us_per_msg",
          Stats.round(
              Stats.median(
                  rounds.stream()
                      .map(
                          r ->
                              r.measure().serverCpuNanos()
                                  / 1e3
                                  / (r.throughput() * r.measure().seconds()))
                      .toList())));
      s.put(
          "server_cpu_us_per_msg_rounds",
          rounds.stream()
              .map(
                  r ->
                      Stats.round(
                          r.measure().serverCpuNanos()
                              / 1e3
                              / (r.throughput() * r.measure().seconds())))
              .toList());
      s.put(
          "other_cores",
          Stats.round(Stats.median(rounds.stream().map(r -> r.measure().otherCores()).toList())));
      s.put("errors", rounds.stream().mapToLong(RoundResult::errors).sum());
      m.put(e.getKey(), s);
      tput.put(e.getKey(), Stats.median(t));
    }
    Map<String, Object> ratio = new LinkedHashMap<>();
    ratio.put(
        "throughput", Stats.ratio(tput.getOrDefault("fw", 0.0), tput.getOrDefault("raw", 0.0)));
    ratio.put("p99", Stats.ratio(p99.getOrDefault("fw", 0.0), p99.getOrDefault("raw", 0.0)));
    m.put("ratio_fw_to_raw", ratio);
    return m;
  }

  /** One round on connections opened for it alone (the warm-up, the client comparison). */
  RoundResult round(String impl, Config c, double seconds) {
    try (Side side = new Side(impl, c)) {
      return side.window(seconds);
    }
  }

  /** The C connections of one implementation, open for every round of a combination. */
  private final class Side implements AutoCloseable {
    private final String impl;
    private final Round round = new Round();
    private final List<EchoPeer> peers = new ArrayList<>();

    Side(String impl, Config c) {
      this.impl = impl;
      for (int i = 0; i < c.connections(); i++) {
        peers.add(new EchoPeer(round, c.window()));
      }
      Peer.openAll(client, target.ws(impl, "echo"), peers, 64, Duration.ofSeconds(60));
    }

    /** One round: every peer keeps its window full; measured after the ramp, then drained. */
    RoundResult window(double seconds) {
      peers.forEach(EchoPeer::reset);
      round.running = true;
      peers.forEach(EchoPeer::start);
      Sleep.millis(profile.rampMillis());
      Measure.Started started = Measure.start(target);
      round.measuring = true;
      Sleep.millis((long) (seconds * 1000));
      round.measuring = false;
      Measure m = started.stop();
      round.running = false;
      if (!Sleep.until(() -> peers.stream().allMatch(EchoPeer::idle), 30_000)) {
        throw new IllegalStateException("echo: acknowledgements missing after the round");
      }
      long count = peers.stream().mapToLong(p -> p.counted).sum();
      long errors = peers.stream().mapToLong(p -> p.errors).sum();
      long[] latency = LongList.sortedUnion(peers.stream().map(p -> p.latencies).toList());
      return new RoundResult(count / m.seconds(), latency, m, errors);
    }

    @Override
    public void close() {
      Peer.closeAll(peers);
      target.awaitOpen(impl, "echo", 0, Duration.ofSeconds(30));
    }
  }

  /** Keeps {@code window} echoes in flight; acknowledgements arrive in order. */
  static final class EchoPeer extends Peer {

    private final Round round;
    private final int window;
    private final long[] sentAt;
    volatile LongList latencies = new LongList();
    private long nextSeq;
    private int inFlight;
    volatile long counted;
    volatile long errors;

    EchoPeer(Round round, int window) {
      this.round = round;
      this.window = window;
      this.sentAt = new long[window];
    }

    /** Forgets what the previous round counted; called while idle. */
    synchronized void reset() {
      latencies = new LongList();
      counted = 0;
      errors = 0;
    }

    synchronized void start() {
      for (int i = 0; i < window; i++) {
        sendNext();
      }
    }

    synchronized boolean idle() {
      return inFlight == 0;
    }

    private void sendNext() {
      long seq = nextSeq++;
      inFlight++;
      sentAt[(int) (seq % window)] = System.nanoTime();
      conn.send(message(seq));
    }

    static String message(long seq) {
      return "{\"id\":"
          + seq
          + ",\"type\":\"event\",\"event\":\"echo\",\"payload\":{\"seq\":"
          + seq
          + ",\"text\":\""
          + TEXT
          + "\"},\"ack\":true}";
    }

    @Override
    void message(String text) {
      long now = System.nanoTime();
      long id = longAfter(text, "{\"id\":");
      if (id < 0) {
        return;
      }
      boolean ok = text.contains("\"status\":\"ok\"");
      synchronized (this) {
        inFlight--;
        if (!ok) {
          errors++;
        }
        if (round.measuring) {
          counted++;
          latencies.add(now - sentAt[(int) (id % window)]);
        }
        if (round.running) {
          sendNext();
        }
      }
    }
  }
}
