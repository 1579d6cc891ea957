package io.aquilia.sockets.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the bearer token of a handshake and removes it from what the application sees, so that no
 * header or query parameter available to handlers, middleware or logs carries it.
 *
 * <p>Sources, in order: {@code Authorization: Bearer <token>}; {@code Sec-WebSocket-Protocol:
 * bearer, <token>} (the offered protocol {@code bearer} followed by the token); the query parameter
 * {@code access_token}.
 */
final class Credentials {

  /** The subprotocol a browser offers before its token. */
  static final String BEARER_PROTOCOL = "bearer";

  /** The query parameter carrying a token. */
  static final String QUERY_PARAMETER = "access_token";

  private Credentials() {}

  static Optional<String> token(DoorRequest r) {
    String auth = r.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String t = auth.substring(7).trim();
      if (!t.isEmpty()) {
        return Optional.of(t);
      }
    }
    List<String> protocols = protocols(r.headers().get("Sec-WebSocket-Protocol"));
    int i = protocols.indexOf(BEARER_PROTOCOL);
    if (i >= 0 && i + 1 < protocols.size()) {
      return Optional.of(protocols.get(i + 1));
    }
    List<String> q = r.query().get(QUERY_PARAMETER);
    if (q != null && !q.isEmpty() && q.get(0) != null && !q.get(0).isBlank()) {
      return Optional.of(q.get(0));
    }
    return Optional.empty();
  }

  /** The headers without {@code Authorization} and without the token in the protocol list. */
  static Map<String, List<String>> scrubHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (name.equalsIgnoreCase("Authorization")) {
            return;
          }
          if (name.equalsIgnoreCase("Sec-WebSocket-Protocol")) {
            List<String> p = protocols(values);
            int i = p.indexOf(BEARER_PROTOCOL);
            if (i >= 0 && i + 1 < p.size()) {
              p = new ArrayList<>(p);
              p.remove(i + 1);
            }
            out.put(name, List.of(String.join(", ", p)));
            return;
          }
          out.put(name, values);
        });
    return out;
  }

  /** The query parameters without {@code access_token}. */
  static Map<String, List<String>> scrubQuery(Map<String, List<String>> query) {
    if (!query.containsKey(QUERY_PARAMETER)) {
      return query;
    }
    Map<String, List<String>> out = new LinkedHashMap<>(query);
    out.remove(QUERY_PARAMETER);
    return out;
  }

  private static List<String> protocols(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        for (String p : v.split(",")) {
          if (!p.isBlank()) {
            out.add(p.trim());
          }
        }
      }
    }
    return out;
  }
}
