package io.aquilia.sockets.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * idle: K connections that only connect. The server's live heap (class histogram after a full
 * collection) and its RSS (the heap is pre-touched, so this is native memory), before and with the
 * connections open, per connection; framework minus baseline.
 */
final class IdleScenario {

  private final Target target;
  private final Client client;
  private final Profile profile;

  IdleScenario(Target target, Client client, Profile profile) {
    this.target = target;
    this.client = client;
    this.profile = profile;
  }

  Map<String, Object> run() {
    Log.info("idle: warm-up, %d connections per implementation", profile.idleSizes().get(0));
    for (String impl : Bench.IMPLS) {
      round(impl, profile.idleSizes().get(0));
    }
    List<Object> sizes = new ArrayList<>();
    for (int k : profile.idleSizes()) {
      Map<String, List<double[]>> byImpl = new LinkedHashMap<>();
      for (int r = 0; r < profile.rounds(); r++) {
        for (String impl : Bench.order(r)) {
          double[] perConn = round(impl, k);
          byImpl.computeIfAbsent(impl, x -> new ArrayList<>()).add(perConn);
          Log.info(
              "idle K=%d %s round %d: heap %.0f B/conn, RSS %.0f B/conn",
              k, impl, r + 1, perConn[0], perConn[1]);
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("connections", k);
      Map<String, Double> heap = new LinkedHashMap<>();
      Map<String, Double> rss = new LinkedHashMap<>();
      for (var e : byImpl.entrySet()) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Double> h = e.getValue().stream().map(v -> v[0]).toList();
        List<Double> r = e.getValue().stream().map(v -> v[1]).toList();
        s.put("heap_bytes_per_conn", Stats.summary(h));
        s.put("rss_bytes_per_conn", Stats.summary(r));
        heap.put(e.getKey(), Stats.median(h));
        rss.put(e.getKey(), Stats.median(r));
        m.put(e.getKey(), s);
      }
      Map<String, Object> overhead = new LinkedHashMap<>();
      overhead.put(
          "heap_bytes_per_conn",
          Stats.round(heap.getOrDefault("fw", 0.0) - heap.getOrDefault("raw", 0.0)));
      overhead.put(
          "rss_bytes_per_conn",
          Stats.round(rss.getOrDefault("fw", 0.0) - rss.getOrDefault("raw", 0.0)));
      m.put("fw_minus_raw", overhead);
      sizes.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("client", client.name());
    out.put("rounds", profile.rounds());
    out.put("sizes", sizes);
    return out;
  }

  /** {heap bytes per connection, RSS bytes per connection}. */
  private double[] round(String impl, int k) {
    ServerStats before = target.stats(true);
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      peers.add(
          new Peer() {
            @Override
            void message(String text) {}
          });
    }
    try {
      Peer.openAll(client, target.ws(impl, "echo"), peers, 128, Duration.ofSeconds(300));
      target.awaitOpen(impl, "echo", k, Duration.ofSeconds(60));
      ServerStats with = target.stats(true);
      return new double[] {
        (with.heapUsed() - before.heapUsed()) / (double) k, (with.rss() - before.rss()) / (double) k
      };
    } finally {
      Peer.closeAll(peers);
      target.awaitOpen(impl, "echo", 0, Duration.ofSeconds(120));
    }
  }
}
