package io.aquilia.sockets.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snapshot of the server from {@code /admin/stats}: heap, RSS, CPU time, open connections.
 *
 * @param heapUsed bytes of heap in use
 * @param rss resident set size in bytes
 * @param cpuNanos process CPU time
 * @param counts open connections: fwEcho, fwRoom, rawEcho, rawRoom
 * @param fields every numeric field of the answer, by name
 */
record ServerStats(
    long heapUsed, long rss, long cpuNanos, long[] counts, Map<String, Long> fields) {

  /** A numeric field of the answer, or 0. */
  long field(String name) {
    return fields.getOrDefault(name, 0L);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(-?\\d+)");

  /** Open connections of an endpoint ({@code fw} or {@code raw}, {@code echo} or {@code room}). */
  long open(String impl, String endpoint) {
    int i = ("fw".equals(impl) ? 0 : 2) + ("echo".equals(endpoint) ? 0 : 1);
    return counts[i];
  }

  static ServerStats fetch(URI base, boolean gc) {
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve("admin/stats" + (gc ? "?gc=true" : "")))
            .timeout(Duration.ofSeconds(60))
            .build();
    String body;
    try {
      HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("admin/stats answered " + r.statusCode() + ": " + r.body());
      }
      body = r.body();
    } catch (IOException e) {
      throw new IllegalStateException("admin/stats failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    java.util.Map<String, Long> f = new java.util.HashMap<>();
    Matcher m = FIELD.matcher(body);
    while (m.find()) {
      f.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return new ServerStats(
        f.get("heapUsed"),
        f.get("rss"),
        f.get("cpuNanos"),
        new long[] {f.get("fwEcho"), f.get("fwRoom"), f.get("rawEcho"), f.get("rawRoom")},
        Map.copyOf(f));
  }
}
