package io.aquilia.sockets.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load generator's entry point.
 *
 * <pre>
 * Bench --url=http://127.0.0.1:19581/bench/ --out=DIR [--profile=full|smoke]
 *       [--scenarios=clients,echo,fanout,idle,cross] [--client=jdk|tyrus] [--rounds=N] [--seconds=S] [--warmup=S]
 *       [--echo=1x1,16x16] [--rooms=100,1000] [--idle=1000] [--label=TEXT] [--server=TEXT]
 *       [--cross=URL_A,URL_B] [--cross-members=N]
 * Bench --report=DIR/results.json     (writes RESULTS.md and the charts again from the results)
 * </pre>
 *
 * Writes {@code results.json}, {@code RESULTS.md} and one SVG chart per scenario into DIR.
 */
public final class Bench {

  static final List<String> IMPLS = List.of("fw", "raw");

  private Bench() {}

  /** Alternates which implementation goes first from round to round. */
  static List<String> order(int round) {
    return round % 2 == 0 ? IMPLS : List.of("raw", "fw");
  }

  public static void main(String[] args) throws IOException {
    Map<String, Object> results = run(args);
    System.exit(results == null ? 1 : 0);
  }

  /** Runs the benchmark; returns the results also written to the output directory. */
  public static Map<String, Object> run(String... args) throws IOException {
    Map<String, String> opt = new LinkedHashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("arguments are --name=value, not: " + a);
      }
      opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    if (opt.containsKey("report")) {
      Path file = Path.of(opt.get("report"));
      Map<String, Object> results = JsonIn.read(file);
      Report.write(results, file.toAbsolutePath().getParent());
      Log.info("report rewritten from %s", file);
      return results;
    }
    String url = opt.getOrDefault("url", "http://127.0.0.1:19581/bench/");
    Target target = new Target(URI.create(url.endsWith("/") ? url : url + "/"));
    Path out = Path.of(opt.getOrDefault("out", "bench/results"));
    Profile profile =
        Profile.named(opt.getOrDefault("profile", "full"), Machine.openFileLimit())
            .with(
                opt.containsKey("rounds") ? Integer.valueOf(opt.get("rounds")) : null,
                opt.containsKey("seconds") ? Double.valueOf(opt.get("seconds")) : null,
                opt.containsKey("warmup") ? Double.valueOf(opt.get("warmup")) : null)
            .withEcho(opt.get("echo"))
            .withRooms(opt.get("rooms"))
            .withIdle(opt.get("idle"));
    List<String> scenarios =
        List.of(opt.getOrDefault("scenarios", "clients,echo,fanout,idle,cross").split(","));

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("started", Instant.now().toString());
    results.put("profile", profile.name());
    results.put("machine", Machine.describe(opt.get("server"), opt.get("label")));
    Map<String, Object> sc = new LinkedHashMap<>();
    results.put("scenarios", sc);
    try (Client client = Client.named(opt.getOrDefault("client", "jdk"))) {
      target.stats(false); // fails early when the server is not there
      for (String s : scenarios) {
        Log.info("scenario %s (%s profile)", s, profile.name());
        switch (s) {
          case "clients" -> sc.put("clients", new ClientCostScenario(target, profile).run());
          case "echo" -> sc.put("echo-ack", new EchoScenario(target, client, profile).run());
          case "fanout" -> sc.put("fan-out", new FanoutScenario(target, client, profile).run());
          case "idle" -> sc.put("idle", new IdleScenario(target, client, profile).run());
          case "cross" -> sc.put("cross-instance", cross(opt, target, client, profile));
          default -> throw new IllegalArgumentException("unknown scenario: " + s);
        }
      }
    }
    results.put("finished", Instant.now().toString());
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.json"), JsonOut.write(results));
    Report.write(results, out);
    Log.info("results written to %s", out.toAbsolutePath());
    return results;
  }

  /**
   * Cross-instance delivery: {@code --cross=URL_A,URL_B} names two servers of one Redis cluster
   * ({@code bench/run} starts them). Without it the smoke profile runs the same code with both ends
   * on the main server (the harness keeps working; nothing crosses Redis), and the full profile
   * says "not run".
   */
  private static Map<String, Object> cross(
      Map<String, String> opt, Target target, Client client, Profile profile) {
    int members =
        Integer.parseInt(
            opt.getOrDefault("cross-members", "smoke".equals(profile.name()) ? "2" : "10"));
    String urls = opt.get("cross");
    if (urls == null && !"smoke".equals(profile.name())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", "not run");
      m.put(
          "reason",
          "no --cross=URL_A,URL_B: run it through bench/run, which starts two servers and Redis");
      return m;
    }
    Target a = target;
    Target b = target;
    if (urls != null) {
      String[] u = urls.split(",");
      a = new Target(URI.create(u[0].endsWith("/") ? u[0] : u[0] + "/"));
      b = new Target(URI.create(u[1].endsWith("/") ? u[1] : u[1] + "/"));
    }
    return new CrossScenario(a, b, client, profile, members).run();
  }
}
