package io.aquilia.sockets.cli;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to the admin endpoint of a running application ({@code <url>/_aquilia/admin/<action>}) and
 * turns every failure into a {@link CliException} with a clear message and exit code.
 */
final class AdminClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final String token;
  private final HttpClient http;

  /**
   * @param url the application's base URL, e.g. {@code http://localhost:19080/chat}
   * @param token the admin token (may be null: the server answers 401)
   */
  AdminClient(String url, String token) {
    String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    try {
      this.base = URI.create(u + "/_aquilia/admin/");
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.INVALID_INPUT, "invalid --url: " + url);
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new CliException(
          CliException.INVALID_INPUT, "--url must start with http:// or https://, not " + url);
    }
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** GET an action; the parsed JSON answer. */
  Object get(String action) {
    return send(HttpRequest.newBuilder(base.resolve(action)).GET(), action);
  }

  /** POST a JSON body to an action; the parsed JSON answer. */
  Object post(String action, Map<String, Object> body) {
    return send(
        HttpRequest.newBuilder(base.resolve(action))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JsonText.compact(body))),
        action);
  }

  private Object send(HttpRequest.Builder b, String action) {
    b.timeout(TIMEOUT);
    if (token != null && !token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new CliException(
          CliException.UNREACHABLE, "cannot reach " + origin() + " (" + describe(e) + ")");
    } catch (HttpTimeoutException e) {
      throw new CliException(
          CliException.UNREACHABLE,
          "no answer from " + origin() + " within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      throw new CliException(
          CliException.UNREACHABLE, "cannot reach " + origin() + " (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(CliException.FAILED, "interrupted");
    }
    Map<?, ?> json = parse(r);
    if (r.statusCode() == 200 && json != null) {
      return json;
    }
    String code = json == null ? null : String.valueOf(json.get("error"));
    String message = json == null ? null : String.valueOf(json.get("message"));
    if (json == null || code == null || "null".equals(code)) {
      if (r.statusCode() == 404) {
        throw new CliException(
            CliException.UNREACHABLE,
            "no admin endpoint at "
                + base
                + " (HTTP 404): check --url (the application's base URL, e.g."
                + " http://localhost:19080/chat) and that aquilia.sockets.admin.token is set on the"
                + " server");
      }
      throw new CliException(
          CliException.FAILED,
          "unexpected answer from " + base.resolve(action) + ": HTTP " + r.statusCode());
    }
    int exit =
        switch (code) {
          case "ADMIN_UNAUTHORIZED" -> CliException.UNAUTHORIZED;
          case "ADMIN_NAMESPACE_NOT_FOUND", "ADMIN_ROOM_NOT_FOUND", "ADMIN_CONNECTION_NOT_FOUND" ->
              CliException.NOT_FOUND;
          case "ADMIN_BAD_REQUEST" -> CliException.INVALID_INPUT;
          default -> CliException.FAILED;
        };
    String hint =
        exit == CliException.UNAUTHORIZED
            ? " (give the server's aquilia.sockets.admin.token with --token or"
                + " AQUILIA_SOCKETS_ADMIN_TOKEN)"
            : "";
    throw new CliException(exit, code + ": " + message + hint);
  }

  private static Map<?, ?> parse(HttpResponse<String> r) {
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json")) {
      return null;
    }
    try {
      return JsonText.parse(r.body()) instanceof Map<?, ?> m ? m : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String origin() {
    return base.getScheme() + "://" + base.getAuthority();
  }

  private static String describe(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConnectException
          || c instanceof java.nio.channels.ClosedChannelException
          || c instanceof java.net.NoRouteToHostException) {
        return "connection refused";
      }
      if (c instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
    }
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
