package io.aquilia.sockets.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the results were measured on. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe(String server, String label) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    m.put(
        "os",
        firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "")
            + ", kernel "
            + System.getProperty("os.version"));
    m.put(
        "jvm",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("server", server == null ? "unknown" : server);
    m.put("framework", label == null ? "unknown" : label);
    m.put("open_file_limit", openFileLimit());
    m.put("network", "loopback (127.0.0.1); load generator and server share the machine");
    return m;
  }

  /** The soft limit on open files of this process, from /proc (or 1024 when unknown). */
  static long openFileLimit() {
    String v = firstValue(Path.of("/proc/self/limits"), "Max open files");
    try {
      return Long.parseLong(v.trim().split("\\s+")[0]);
    } catch (RuntimeException e) {
      return 1024;
    }
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          String rest = line.substring(key.length());
          return rest.replaceFirst("^[\\s:=]+", "").trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }
}
