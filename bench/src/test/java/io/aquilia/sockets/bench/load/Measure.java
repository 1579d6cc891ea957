package io.aquilia.sockets.bench.load;

/**
 * CPU and wall clock over a measured interval, for the load generator and the server.
 *
 * @param seconds wall-clock seconds
 * @param clientCpuNanos CPU time used by the load generator
 * @param serverCpuNanos CPU time used by the server
 * @param machineCpuNanos CPU time used by the whole machine (from /proc/stat)
 */
record Measure(double seconds, long clientCpuNanos, long serverCpuNanos, long machineCpuNanos) {

  /** Starts measuring; {@link Started#stop()} ends it. */
  static Started start(Target target) {
    return new Started(
        target,
        System.nanoTime(),
        Cpu.processNanos(),
        target.stats(false).cpuNanos(),
        Cpu.machineBusyNanos());
  }

  /** An interval being measured. */
  record Started(Target target, long wall0, long client0, long server0, long machine0) {
    Measure stop() {
      long wall = System.nanoTime() - wall0;
      long client = Cpu.processNanos() - client0;
      long server = target.stats(false).cpuNanos() - server0;
      long machine = Cpu.machineBusyNanos() - machine0;
      return new Measure(wall / 1e9, client, server, machine);
    }
  }

  /**
   * Cores used by everything else on the machine (other processes, the kernel) during the interval;
   * the numbers are only as good as this is small.
   */
  double otherCores() {
    return Math.max(0, machineCpuNanos - clientCpuNanos - serverCpuNanos) / 1e9 / seconds;
  }

  double clientCores() {
    return clientCpuNanos / 1e9 / seconds;
  }

  double serverCores() {
    return serverCpuNanos / 1e9 / seconds;
  }
}
