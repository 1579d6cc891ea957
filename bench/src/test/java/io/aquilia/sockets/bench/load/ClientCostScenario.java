package io.aquilia.sockets.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * clients: which client library costs the load generator less CPU per message. Echo with 16
 * connections and 16 in flight against the baseline endpoint, once per library.
 */
final class ClientCostScenario {

  private final Target target;
  private final Profile profile;

  ClientCostScenario(Target target, Profile profile) {
    this.target = target;
    this.profile = profile;
  }

  Map<String, Object> run() {
    Map<String, Object> out = new LinkedHashMap<>();
    EchoScenario.Config c = new EchoScenario.Config(16, 16);
    for (String name : List.of("jdk", "tyrus")) {
      try (Client client = Client.named(name)) {
        EchoScenario echo = new EchoScenario(target, client, profile);
        echo.round("raw", c, profile.warmupSeconds());
        List<EchoScenario.RoundResult> rounds = new ArrayList<>();
        for (int r = 0; r < profile.rounds(); r++) {
          rounds.add(echo.round("raw", c, profile.seconds()));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(
            "throughput",
            Stats.summary(rounds.stream().map(EchoScenario.RoundResult::throughput).toList()));
        double cpu =
            Stats.median(
                rounds.stream()
                    .map(
                        r ->
                            r.measure().clientCpuNanos()
                                / 1e3
                                / (r.throughput() * r.measure().seconds()))
                    .toList());
        s.put("client_cpu_us_per_msg", Stats.round(cpu));
        s.put(
            "client_cores",
            Stats.round(
                Stats.median(rounds.stream().map(r -> r.measure().clientCores()).toList())));
        out.put(name, s);
        Log.info("clients %s: %.1f us client CPU per message", name, cpu);
      }
    }
    out.put("workload", "echo C=16 W=16 against the baseline (raw) endpoint");
    return out;
  }
}
