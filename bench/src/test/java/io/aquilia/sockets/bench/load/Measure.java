package io.aquilia.sockets.bench.load;

/**
 * CPU and wall clock over a measured interval, for the load generator and the server.
 *
 * @param seconds wall-clock seconds
 * @param clientCpuNanos CPU time used by the load generator
 * @param serverCpuNanos CPU time used by the server
 * @param machineCpuNanos CPU time used by the whole machine (from /proc/stat)
 * @param clientGcMillis time the load generator's collectors took
 * @param serverGcMillis time the server's collectors took
 */
record Measure(
    double seconds,
    long clientCpuNanos,
    long serverCpuNanos,
    long machineCpuNanos,
    long clientGcMillis,
    long serverGcMillis) {

  /** Starts measuring; {@link Started#stop()} ends it. */
  static Started start(Target target) {
    ServerStats s = target.stats(false);
    return new Started(
        target,
        System.nanoTime(),
        Cpu.processNanos(),
        s.cpuNanos(),
        Cpu.machineBusyNanos(),
        Cpu.gcMillis(),
        s.field("gcMillis"));
  }

  /** An interval being measured. */
  record Started(
      Target target,
      long wall0,
      long client0,
      long server0,
      long machine0,
      long clientGc0,
      long serverGc0) {
    Measure stop() {
      long wall = System.nanoTime() - wall0;
      long client = Cpu.processNanos() - client0;
      ServerStats s = target.stats(false);
      long machine = Cpu.machineBusyNanos() - machine0;
      return new Measure(
          wall / 1e9,
          client,
          s.cpuNanos() - server0,
          machine,
          Cpu.gcMillis() - clientGc0,
          s.field("gcMillis") - serverGc0);
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
