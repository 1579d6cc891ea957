package io.aquilia.sockets.bench.load;

import java.net.URI;
import java.time.Duration;

/**
 * The server under test.
 *
 * @param base the bench application's URL, e.g. {@code http://127.0.0.1:19581/bench/}
 */
record Target(URI base) {

  /** The WebSocket URI of an endpoint: {@code impl} is {@code fw} or {@code raw}. */
  URI ws(String impl, String endpoint) {
    String http = base.resolve(impl + "/" + endpoint).toString();
    return URI.create("ws" + http.substring(4));
  }

  ServerStats stats(boolean gc) {
    return ServerStats.fetch(base, gc);
  }

  /** Waits until the server reports {@code expected} open connections on an endpoint. */
  void awaitOpen(String impl, String endpoint, long expected, Duration timeout) {
    long[] seen = {-1};
    if (Sleep.until(
        () -> (seen[0] = stats(false).open(impl, endpoint)) == expected, timeout.toMillis())) {
      return;
    }
    throw new IllegalStateException(
        "server reports "
            + seen[0]
            + " connections on "
            + impl
            + "/"
            + endpoint
            + ", not "
            + expected);
  }
}
