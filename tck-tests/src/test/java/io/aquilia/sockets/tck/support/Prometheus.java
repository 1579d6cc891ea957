package io.aquilia.sockets.tck.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/** Reads the application metrics a server exports in the Prometheus text format. */
public final class Prometheus {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Prometheus() {}

  /** The application-scope metrics of the server serving {@code base} (loopback address). */
  public static String scrape(URL base) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + base.getPort() + "/metrics?scope=application");
    return HTTP.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The value of the first sample of {@code name} whose labels contain {@code label}, if any. */
  public static OptionalLong find(String metrics, String name, String label) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") && line.contains(label)) {
        String v = line.substring(line.lastIndexOf(' ') + 1);
        return OptionalLong.of((long) Double.parseDouble(v));
      }
    }
    return OptionalLong.empty();
  }

  /** As {@link #find}, failing with the whole text when there is no such sample. */
  public static long value(String metrics, String name, String label) {
    return find(metrics, name, label)
        .orElseThrow(
            () -> new AssertionError("no sample " + name + " with " + label + " in:\n" + metrics));
  }
}
