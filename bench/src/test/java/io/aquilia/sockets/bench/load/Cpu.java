package io.aquilia.sockets.bench.load;

import java.lang.management.ManagementFactory;

/** CPU time of the load generator's own process. */
final class Cpu {

  private Cpu() {}

  static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
