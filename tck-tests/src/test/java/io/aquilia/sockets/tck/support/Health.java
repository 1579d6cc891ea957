package io.aquilia.sockets.tck.support;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a server's MicroProfile Health answers (any status: DOWN answers 503). */
public final class Health {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Health() {}

  /** The JSON of {@code path} ({@code /health/live}, {@code /health/ready}) on that server. */
  public static JsonObject read(URL server, String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + path);
    String body =
        HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return WsClient.parseObject(body);
  }

  /** The check named {@code name}; fails with the whole answer when there is none. */
  public static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> name.equals(c.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }
}
