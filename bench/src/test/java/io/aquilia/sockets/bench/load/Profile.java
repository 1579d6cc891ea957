package io.aquilia.sockets.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes and durations of a run.
 *
 * @param name {@code full} or {@code smoke}
 * @param warmupSeconds warm-up per implementation before a scenario
 * @param seconds measured seconds per round (per fixed-rate phase for fan-out)
 * @param maxPhaseSeconds measured seconds of each of fan-out's maximum-rate windows (fw and raw,
 *     and with and without the slow member, each paired with the window next to it)
 * @param rounds rounds per implementation
 * @param rampMillis unmeasured time at the start of an echo round
 * @param echoConfigs the echo-ack combinations
 * @param roomSizes the fan-out rooms: {@code "100"} is one room of 100, {@code "100x10"} 100 rooms
 *     of 10
 * @param fixedDeliveries deliveries per second in the fixed-rate fan-out phase
 * @param idleSizes the idle connection counts
 */
record Profile(
    String name,
    double warmupSeconds,
    double seconds,
    double maxPhaseSeconds,
    int rounds,
    long rampMillis,
    List<EchoScenario.Config> echoConfigs,
    List<String> roomSizes,
    double fixedDeliveries,
    List<Integer> idleSizes) {

  /** The published run, or the seconds-long smoke run of the test suite. */
  static Profile named(String name, long fileLimit) {
    return switch (name) {
      case "full" ->
          new Profile(
              "full",
              10,
              3,
              // every maximum-rate window: each is compared with the one next to it (fw with
              // raw, the slow member with the reading one), 10 pairs of each per row
              4,
              5,
              500,
              echo(List.of(1, 16, 64, 256), List.of(1, 16)),
              fitRooms(List.of("100", "1000", "5000", "100x10"), fileLimit),
              20_000,
              fit(List.of(1000, 10_000), fileLimit));
      case "smoke" ->
          new Profile(
              "smoke",
              0.5,
              0.5,
              0.5,
              1,
              100,
              echo(List.of(1, 4), List.of(1, 4)),
              List.of("10", "3x4"),
              200,
              List.of(50));
      default -> throw new IllegalArgumentException("unknown profile: " + name + " (full, smoke)");
    };
  }

  /** The same profile with other echo combinations, e.g. {@code 1x1,16x16} (C x W). */
  Profile withEcho(String spec) {
    if (spec == null) {
      return this;
    }
    List<EchoScenario.Config> configs = new ArrayList<>();
    for (String cw : spec.split(",")) {
      String[] p = cw.split("x");
      configs.add(new EchoScenario.Config(Integer.parseInt(p[0]), Integer.parseInt(p[1])));
    }
    return new Profile(
        name,
        warmupSeconds,
        seconds,
        maxPhaseSeconds,
        rounds,
        rampMillis,
        configs,
        roomSizes,
        fixedDeliveries,
        idleSizes);
  }

  /** The same profile with other room sizes, e.g. {@code 100,1000}. */
  Profile withRooms(String spec) {
    if (spec == null) {
      return this;
    }
    List<String> sizes = List.of(spec.split(","));
    return new Profile(
        name,
        warmupSeconds,
        seconds,
        maxPhaseSeconds,
        rounds,
        rampMillis,
        echoConfigs,
        sizes,
        fixedDeliveries,
        idleSizes);
  }

  /** The same profile with other idle sizes, e.g. {@code 1000}. */
  Profile withIdle(String spec) {
    if (spec == null) {
      return this;
    }
    List<Integer> sizes = java.util.Arrays.stream(spec.split(",")).map(Integer::valueOf).toList();
    return new Profile(
        name,
        warmupSeconds,
        seconds,
        maxPhaseSeconds,
        rounds,
        rampMillis,
        echoConfigs,
        roomSizes,
        fixedDeliveries,
        sizes);
  }

  /** The same profile with other rounds, seconds (every measured phase) or warm-up, when given. */
  Profile with(Integer rounds, Double seconds, Double warmup) {
    return new Profile(
        name,
        warmup == null ? warmupSeconds : warmup,
        seconds == null ? this.seconds : seconds,
        seconds == null ? maxPhaseSeconds : seconds,
        rounds == null ? this.rounds : rounds,
        rampMillis,
        echoConfigs,
        roomSizes,
        fixedDeliveries,
        idleSizes);
  }

  private static List<EchoScenario.Config> echo(List<Integer> cs, List<Integer> ws) {
    List<EchoScenario.Config> out = new ArrayList<>();
    for (int w : ws) {
      for (int c : cs) {
        out.add(new EchoScenario.Config(c, w));
      }
    }
    return out;
  }

  /** Room specs whose members fit the open-file limit. */
  private static List<String> fitRooms(List<String> specs, long fileLimit) {
    return specs.stream()
        .filter(s -> FanoutScenario.Rooms.parse(s).members() + 1000 <= fileLimit)
        .toList();
  }

  /** Sizes that fit the open-file limit (each connection needs a descriptor, plus headroom). */
  private static List<Integer> fit(List<Integer> sizes, long fileLimit) {
    List<Integer> out = sizes.stream().filter(n -> n + 1000 <= fileLimit).toList();
    if (out.size() < sizes.size()) {
      Log.info(
          "open-file limit %d: skipping sizes %s",
          fileLimit, sizes.stream().filter(n -> !out.contains(n)).toList());
    }
    return out;
  }
}
