package io.aquilia.sockets.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-connection counts of one socket: in total, per user and per client address. A slot is
 * reserved atomically before the upgrade (or as the connection opens) and released when it closes.
 */
final class ConnectionQuota {

  private final int max;
  private final int perUser;
  private final int perIp;
  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, Integer> byUser = new ConcurrentHashMap<>();
  private final Map<String, Integer> byIp = new ConcurrentHashMap<>();

  ConnectionQuota(int max, int perUser, int perIp) {
    this.max = max;
    this.perUser = perUser;
    this.perIp = perIp;
  }

  /** Reserves a slot; returns null on success, else which limit was reached. */
  String tryAcquire(String user, String ip) {
    if (max > 0) {
      int n = total.incrementAndGet();
      if (n > max) {
        total.decrementAndGet();
        return "maxConnections (" + max + ") reached";
      }
    } else {
      total.incrementAndGet();
    }
    if (!acquire(byUser, user, perUser)) {
      total.decrementAndGet();
      return "maxConnectionsPerUser (" + perUser + ") reached";
    }
    if (!acquire(byIp, ip, perIp)) {
      release(byUser, user, perUser);
      total.decrementAndGet();
      return "maxConnectionsPerIp (" + perIp + ") reached";
    }
    return null;
  }

  void release(String user, String ip) {
    total.decrementAndGet();
    release(byUser, user, perUser);
    release(byIp, ip, perIp);
  }

  int open() {
    return total.get();
  }

  private static boolean acquire(Map<String, Integer> counts, String key, int limit) {
    if (limit <= 0 || key == null) {
      return true;
    }
    boolean[] ok = {false};
    counts.compute(
        key,
        (k, n) -> {
          int current = n == null ? 0 : n;
          if (current >= limit) {
            return n;
          }
          ok[0] = true;
          return current + 1;
        });
    return ok[0];
  }

  private static void release(Map<String, Integer> counts, String key, int limit) {
    if (limit <= 0 || key == null) {
      return;
    }
    counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }
}
