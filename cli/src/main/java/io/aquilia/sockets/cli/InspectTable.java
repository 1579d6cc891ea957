package io.aquilia.sockets.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human-readable form of a metadata document. */
final class InspectTable {

  /** At most this many connection ids are listed per socket. */
  static final int LISTED_CONNECTIONS = 20;

  private InspectTable() {}

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> doc) {
    List<Map<String, Object>> sockets = (List<Map<String, Object>>) doc.get("sockets");
    Map<String, Object> defs = (Map<String, Object>) doc.getOrDefault("$defs", Map.of());
    StringBuilder sb = new StringBuilder();
    if (sockets.isEmpty()) {
      return "No @Socket controllers.\n";
    }
    for (Map<String, Object> s : sockets) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append("Socket ").append(s.get("path")).append('\n');
      row(sb, "namespace", String.valueOf(s.get("namespace")));
      row(sb, "controller", String.valueOf(s.get("controller")));
      List<String> params = new ArrayList<>();
      for (Map<String, Object> p : (List<Map<String, Object>>) s.get("pathParams")) {
        params.add(p.get("name") + ": " + Schemas.summary((Map<String, Object>) p.get("schema")));
      }
      row(sb, "path params", params.isEmpty() ? "-" : String.join(", ", params));
      Map<String, Object> l = (Map<String, Object>) s.get("limits");
      row(
          sb,
          "limits",
          "maxMessageSize="
              + l.get("maxMessageSize")
              + " messageRateLimit="
              + l.get("messageRateLimit")
              + (l.get("rateLimitBurst") == null ? "" : "/burst " + l.get("rateLimitBurst"))
              + " maxConnections="
              + l.get("maxConnections")
              + (l.get("maxConnectionsPerIp") == null
                  ? ""
                  : " perIp="
                      + l.get("maxConnectionsPerIp")
                      + " perUser="
                      + l.get("maxConnectionsPerUser"))
              + " outboundQueue="
              + l.get("outboundQueueSize")
              + "/"
              + l.get("overflowPolicy")
              + " heartbeat="
              + l.get("heartbeatInterval")
              + "s/"
              + l.get("heartbeatTimeout")
              + "s");
      List<?> origins = (List<?>) l.get("allowedOrigins");
      row(sb, "origins", origins.isEmpty() ? "any" : String.join(", ", (List<String>) origins));
      List<String> guards = new ArrayList<>();
      for (Map<String, Object> g : (List<Map<String, Object>>) s.get("guards")) {
        guards.add(
            shortMethod(g.get("method"))
                + " "
                + g.get("stages")
                + " priority "
                + g.get("priority"));
      }
      if (s.get("access") instanceof Map<?, ?> access) {
        for (Object bean : (List<?>) access.get("guardBeans")) {
          guards.add(shortMethod(bean) + " (guard bean)");
        }
        List<?> roles = (List<?>) access.get("connectRoles");
        if (!roles.isEmpty()) {
          guards.add("roles " + roles);
        }
        List<String> mw = new ArrayList<>();
        for (Object m : (List<?>) access.get("middleware")) {
          mw.add(shortMethod(m));
        }
        row(sb, "guards", guards.isEmpty() ? "-" : String.join("; ", guards));
        row(sb, "middleware", mw.isEmpty() ? "-" : String.join(", ", mw));
      } else {
        row(sb, "guards", guards.isEmpty() ? "-" : String.join("; ", guards));
      }
      if (s.get("rooms") instanceof Map<?, ?> rooms) {
        row(
            sb,
            "rooms",
            "presence "
                + (Boolean.TRUE.equals(rooms.get("presence")) ? "on" : "off")
                + (rooms.get("joinPathRoom") == null
                    ? ""
                    : ", every connection joins the room :" + rooms.get("joinPathRoom")));
      }
      if (s.get("live") instanceof Map<?, ?> live) {
        live(sb, (Map<String, Object>) live);
      }
      events(sb, (List<Map<String, Object>>) s.get("events"), defs);
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void live(StringBuilder sb, Map<String, Object> live) {
    row(sb, "connections", String.valueOf(live.get("connections")));
    List<Map<String, Object>> list =
        (List<Map<String, Object>>) live.getOrDefault("connectionList", List.of());
    for (int i = 0; i < Math.min(list.size(), LISTED_CONNECTIONS); i++) {
      Map<String, Object> c = list.get(i);
      row(sb, "", c.get("id") + "  " + c.get("path") + "  since " + c.get("connectedAt"));
    }
    if (list.size() > LISTED_CONNECTIONS) {
      row(sb, "", "... " + (list.size() - LISTED_CONNECTIONS) + " more (use --json)");
    }
    if (live.get("rooms") instanceof List<?> rooms) {
      List<String> r = new ArrayList<>();
      for (Object o : rooms) {
        Map<String, Object> room = (Map<String, Object>) o;
        r.add(room.get("name") + " (" + room.get("members") + ")");
      }
      row(sb, "live rooms", r.isEmpty() ? "-" : String.join(", ", r));
    }
  }

  @SuppressWarnings("unchecked")
  private static void events(
      StringBuilder sb, List<Map<String, Object>> events, Map<String, Object> defs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"EVENT", "DIRECTION", "KIND", "TAGS", "PAYLOAD", "RESULT"});
    for (Map<String, Object> e : events) {
      boolean in = "client-to-server".equals(e.get("direction"));
      Map<String, Object> payload = (Map<String, Object>) e.get("payload");
      List<String> tags = new ArrayList<>();
      if (Boolean.TRUE.equals(e.get("ack"))) {
        tags.add("ack");
      }
      if (in && payload != null && Schemas.hasConstraints(payload, defs)) {
        tags.add("validated");
      }
      rows.add(
          new String[] {
            String.valueOf(e.get("name")),
            in ? "in" : "out",
            String.valueOf(e.get("kind")),
            tags.isEmpty() ? "-" : String.join(",", tags),
            payload == null ? "-" : Schemas.summary(payload),
            e.get("result") == null ? "-" : Schemas.summary((Map<String, Object>) e.get("result"))
          });
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : pad(r[i], width[i] + 2));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append("  ").append(pad(label, 13)).append(value).append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String shortMethod(Object method) {
    String m = String.valueOf(method);
    int hash = m.indexOf('#');
    String cls = hash < 0 ? m : m.substring(0, hash);
    return cls.substring(cls.lastIndexOf('.') + 1) + (hash < 0 ? "" : m.substring(hash));
  }
}
