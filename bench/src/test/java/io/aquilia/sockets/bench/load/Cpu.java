package io.aquilia.sockets.bench.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** CPU and collector time of the load generator's own process, and CPU time of the machine. */
final class Cpu {

  private Cpu() {}

  /**
   * Busy CPU time of the whole machine (all but idle and iowait), from /proc/stat; 0 if unknown.
   */
  static long machineBusyNanos() {
    try {
      String[] f =
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
              .get(0)
              .trim()
              .split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy * 10_000_000L; // USER_HZ = 100
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Milliseconds the load generator's collectors have reported since it started. */
  static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
