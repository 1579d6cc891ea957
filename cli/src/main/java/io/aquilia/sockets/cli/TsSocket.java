package io.aquilia.sockets.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the declarations of one socket: its parameters, event maps and client class. */
final class TsSocket {

  private final TsClient g;
  private final Map<String, Object> socket;
  private final StringBuilder out;

  TsSocket(TsClient g, Map<String, Object> socket) {
    this.g = g;
    this.socket = socket;
    this.out = g.out();
  }

  @SuppressWarnings("unchecked")
  void write() {
    String controller = String.valueOf(socket.get("controller"));
    String simple = controller.substring(controller.lastIndexOf('.') + 1).replace('$', '_');
    String path = String.valueOf(socket.get("path"));
    TsNames names = g.typeNames();
    String params = names.type(simple + "Params");
    String events = names.type(simple + "Events");
    String requests = names.type(simple + "Requests");
    String cls = names.type(simple + "Client");
    List<Map<String, Object>> pathParams = (List<Map<String, Object>>) socket.get("pathParams");
    List<Map<String, Object>> all = (List<Map<String, Object>>) socket.get("events");
    List<Map<String, Object>> inbound = new ArrayList<>();
    List<Map<String, Object>> outbound = new ArrayList<>();
    all.forEach(e -> ("client-to-server".equals(e.get("direction")) ? inbound : outbound).add(e));

    g.section("Socket " + path + " (" + controller + ")");
    if (!pathParams.isEmpty()) {
      out.append("/** The path parameters of ").append(TsNames.doc(path)).append(". */\n");
      out.append("export interface ").append(params).append(" {\n");
      for (Map<String, Object> p : pathParams) {
        out.append("  ").append(TsClient.propertyKey(String.valueOf(p.get("name")))).append(": ");
        out.append(g.type((Map<String, Object>) p.get("schema"))).append(";\n");
      }
      out.append("}\n\n");
    }

    out.append("/** Server\u2192client events of ")
        .append(TsNames.doc(path))
        .append(" and their payloads. */\n");
    out.append("export interface ").append(events).append(" {\n");
    boolean hasError = false;
    for (Map<String, Object> e : outbound) {
      doc(e, "  ");
      out.append("  ").append(TsNames.quote(String.valueOf(e.get("name")))).append(": ");
      out.append(g.type((Map<String, Object>) e.get("payload"))).append(";\n");
      hasError |= "error".equals(e.get("name"));
    }
    if (!hasError) {
      out.append("  /** The answer to a failed message that had no id. */\n");
      out.append("  error: ErrorEventPayload;\n");
    }
    out.append("}\n\n");

    out.append("/** Client\u2192server events of ").append(TsNames.doc(path));
    out.append(": payload and acknowledgement data (void: not acknowledged). */\n");
    out.append("export interface ").append(requests).append(" {\n");
    for (Map<String, Object> e : inbound) {
      out.append("  ").append(TsNames.quote(String.valueOf(e.get("name")))).append(": { payload: ");
      out.append(g.type((Map<String, Object>) e.get("payload"))).append("; result: ");
      out.append(
          Boolean.TRUE.equals(e.get("ack"))
              ? g.type((Map<String, Object>) e.get("result"))
              : "void");
      out.append(" };\n");
    }
    out.append("}\n\n");

    clientClass(cls, events, requests, params, path, pathParams, inbound);
  }

  @SuppressWarnings("unchecked")
  private void clientClass(
      String cls,
      String events,
      String requests,
      String params,
      String path,
      List<Map<String, Object>> pathParams,
      List<Map<String, Object>> inbound) {
    out.append("/**\n * The client of ").append(TsNames.doc(path)).append(" (");
    out.append(TsNames.doc(String.valueOf(socket.get("controller")))).append(").\n");
    out.append(" * `new ").append(cls).append("('http://host/context'");
    out.append(pathParams.isEmpty() ? "" : ", { ... }").append(", { token })`; typed requests,\n");
    out.append(" * typed `on(event, listener)`, reconnection with backoff, bounded queue.\n */\n");
    out.append("export class ")
        .append(cls)
        .append(" extends AquiliaSocket<")
        .append(events)
        .append("> {\n");
    out.append("  /** The path template. */\n");
    out.append("  static readonly path = ").append(TsNames.quote(path)).append(";\n");
    out.append("  private static readonly specs: Record<string, RequestSpec> = {\n");
    for (Map<String, Object> e : inbound) {
      String check = g.checkerOf((Map<String, Object>) e.get("payload"));
      List<String> groups = new ArrayList<>();
      ((List<Object>) e.getOrDefault("validationGroups", List.of()))
          .forEach(x -> groups.add(TsNames.quote(String.valueOf(x))));
      out.append("    ").append(TsNames.quote(String.valueOf(e.get("name")))).append(": { ack: ");
      out.append(Boolean.TRUE.equals(e.get("ack")))
          .append(", check: ")
          .append(check == null ? "null" : check);
      out.append(", groups: [").append(String.join(", ", groups)).append("]");
      if ("subscribe".equals(e.get("kind"))) {
        out.append(", room: 'join'");
      } else if ("unsubscribe".equals(e.get("kind"))) {
        out.append(", room: 'leave'");
      }
      out.append(" },\n");
    }
    out.append("  };\n\n");

    out.append("  constructor(baseUrl: string, ");
    if (!pathParams.isEmpty()) {
      out.append("params: ").append(params).append(", ");
    }
    out.append("options: ClientOptions = {}) {\n");
    out.append("    super(socketUrl(baseUrl, ").append(pathExpression(path, pathParams));
    out.append(", options), options);\n  }\n\n");

    out.append("  /** Sends a client\u2192server event by name. */\n");
    out.append("  emit<K extends keyof ").append(requests).append(" & string>(event: K, payload: ");
    out.append(requests)
        .append("[K]['payload']): Promise<")
        .append(requests)
        .append("[K]['result']> {\n");
    out.append("    const spec = ").append(cls).append(".specs[event];\n");
    out.append("    return this.request(event, payload, spec) as Promise<")
        .append(requests)
        .append("[K]['result']>;\n");
    out.append("  }\n");

    TsNames methods = new TsNames(Set.of());
    for (Map<String, Object> e : inbound) {
      String name = String.valueOf(e.get("name"));
      String method = methods.method(name);
      Map<String, Object> payload = (Map<String, Object>) e.get("payload");
      boolean ack = Boolean.TRUE.equals(e.get("ack"));
      out.append('\n');
      doc(e, "  ");
      out.append("  ").append(method).append('(');
      if (payload != null) {
        out.append("payload: ").append(g.type(payload));
      }
      out.append("): Promise<")
          .append(ack ? g.type((Map<String, Object>) e.get("result")) : "void")
          .append("> {\n");
      out.append("    return this.emit(").append(TsNames.quote(name)).append(", ");
      out.append(payload == null ? "null" : "payload").append(");\n  }\n");
    }
    out.append("}\n");
  }

  private void doc(Map<String, Object> e, String indent) {
    List<String> lines = new ArrayList<>();
    String name = String.valueOf(e.get("name"));
    boolean in = "client-to-server".equals(e.get("direction"));
    lines.add(
        "`"
            + name
            + "`"
            + (in
                ? (Boolean.TRUE.equals(e.get("ack")) ? ", acknowledged" : ", not acknowledged")
                : "")
            + (e.get("kind") != null
                    && !"event".equals(e.get("kind"))
                    && !"emit".equals(e.get("kind"))
                ? " (" + e.get("kind") + ")"
                : "")
            + ".");
    if (e.get("description") instanceof String d && !d.isEmpty()) {
      lines.add(d);
    }
    if (e.get("handler") != null) {
      lines.add("Server handler: " + e.get("handler") + ".");
    }
    if (in && Boolean.TRUE.equals(e.get("ack"))) {
      lines.add(
          "Rejects with an AquiliaError (code, message, violations), CLIENT_TIMEOUT or CLIENT_DISCONNECTED.");
    }
    out.append(indent).append("/**\n");
    lines.forEach(l -> out.append(indent).append(" * ").append(TsNames.doc(l)).append('\n'));
    out.append(indent).append(" */\n");
  }

  private static String pathExpression(String path, List<Map<String, Object>> params) {
    if (params.isEmpty()) {
      return TsNames.quote(path);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (String seg : path.substring(1).split("/")) {
      literal.append('/');
      if (seg.startsWith(":")) {
        parts.add(TsNames.quote(literal.toString()));
        literal.setLength(0);
        parts.add("encodeURIComponent(String(params." + seg.substring(1) + "))");
      } else {
        literal.append(seg);
      }
    }
    if (literal.length() > 0) {
      parts.add(TsNames.quote(literal.toString()));
    }
    return String.join(" + ", parts);
  }
}
