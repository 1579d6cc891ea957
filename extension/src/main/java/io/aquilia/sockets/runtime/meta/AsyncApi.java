package io.aquilia.sockets.runtime.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an AsyncAPI 3.0 document from {@link SocketMetadata}: one channel per socket (its path,
 * with its parameters), one message per event (the whole envelope as it travels), a {@code receive}
 * operation per client-to-server event (with a {@code reply} for acknowledged ones) and a {@code
 * send} operation per declared server-to-client event. Schemas go to {@code components/schemas}.
 */
public final class AsyncApi {

  private AsyncApi() {}

  /** The AsyncAPI document as JSON values. */
  public static Map<String, Object> of(SocketMetadata.Document doc, String title, String version) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("asyncapi", "3.0.0");
    root.put("info", Map.of("title", title, "version", version));
    root.put("defaultContentType", "application/json");
    Map<String, Object> channels = new LinkedHashMap<>();
    Map<String, Object> operations = new LinkedHashMap<>();
    Map<String, Object> messages = new LinkedHashMap<>();
    for (SocketMetadata.Socket s : doc.sockets()) {
      String channelId = key(simpleName(s.controller()));
      Map<String, Object> channel = new LinkedHashMap<>();
      channel.put("address", s.jakartaPath());
      channel.put("title", s.namespace());
      channel.put("description", "WebSocket of " + s.controller());
      if (!s.pathParams().isEmpty()) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (SocketMetadata.Param p : s.pathParams()) {
          Map<String, Object> param = new LinkedHashMap<>();
          param.put(
              "description", "path parameter :" + p.name() + " " + JsonText.compact(p.schema()));
          if (p.schema().get("enum") instanceof List<?> values) {
            param.put("enum", values);
          }
          params.put(p.name(), param);
        }
        channel.put("parameters", params);
      }
      Map<String, Object> channelMessages = new LinkedHashMap<>();
      for (SocketMetadata.EventInfo e : s.events()) {
        boolean inbound = e.direction().equals(SocketMetadata.CLIENT_TO_SERVER);
        String messageId = key(channelId + "." + (inbound ? "in." : "out.") + e.name());
        messages.put(messageId, message(e.name(), inbound ? "event" : "event", e.payload(), e));
        channelMessages.put(messageId, ref("#/components/messages/" + messageId));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("action", inbound ? "receive" : "send");
        op.put("channel", ref("#/channels/" + channelId));
        op.put("title", e.name());
        op.put("messages", List.of(ref("#/channels/" + channelId + "/messages/" + messageId)));
        if (inbound && e.ack()) {
          String ackId = key(channelId + ".ack." + e.name());
          messages.put(ackId, ack(e));
          channelMessages.put(ackId, ref("#/components/messages/" + ackId));
          op.put(
              "reply",
              Map.of(
                  "channel",
                  ref("#/channels/" + channelId),
                  "messages",
                  List.of(ref("#/channels/" + channelId + "/messages/" + ackId))));
        }
        operations.put(key(channelId + "." + (inbound ? "receive." : "send.") + e.name()), op);
      }
      channel.put("messages", channelMessages);
      channels.put(channelId, channel);
    }
    root.put("channels", channels);
    root.put("operations", operations);
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", rewriteRefs(doc.defs()));
    components.put("messages", messages);
    root.put("components", components);
    return root;
  }

  private static Map<String, Object> message(
      String event, String type, Map<String, Object> payload, SocketMetadata.EventInfo e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", event);
    m.put("title", event + (e.ack() ? " (acknowledged)" : ""));
    if (e.description() != null && !e.description().isEmpty()) {
      m.put("description", e.description());
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("id", Map.of("type", List.of("string", "integer", "null")));
    props.put("type", Map.of("const", type));
    props.put("event", Map.of("const", event));
    props.put("payload", payload == null ? Map.of("type", "null") : rewriteRefs(payload));
    props.put("meta", Map.of("type", "object"));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "object");
    envelope.put("properties", props);
    envelope.put("required", e.ack() ? List.of("id", "event") : List.of("event"));
    m.put("payload", envelope);
    return m;
  }

  private static Map<String, Object> ack(SocketMetadata.EventInfo e) {
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("type", "object");
    ok.put(
        "properties",
        Map.of(
            "status",
            Map.of("const", "ok"),
            "data",
            e.result() == null ? Map.of("type", "null") : rewriteRefs(e.result())));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "object");
    error.put(
        "properties",
        Map.of(
            "status", Map.of("const", "error"),
            "code", Map.of("type", "string"),
            "message", Map.of("type", "string"),
            "violations",
                Map.of(
                    "type",
                    "array",
                    "items",
                    Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                            "path",
                            Map.of("type", "string"),
                            "message",
                            Map.of("type", "string"))))));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("id", Map.of("type", List.of("string", "integer")));
    props.put("type", Map.of("const", "ack"));
    props.put("event", Map.of("const", e.name()));
    props.put("payload", Map.of("oneOf", List.of(ok, error)));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "object");
    envelope.put("properties", props);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.name() + ".ack");
    m.put("title", "acknowledgement of " + e.name());
    m.put("payload", envelope);
    return m;
  }

  private static Map<String, Object> ref(String to) {
    return Map.of("$ref", to);
  }

  /** Component keys allow letters, digits, '.', '-' and '_' only. */
  static String key(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String simpleName(String className) {
    String s = className.substring(className.lastIndexOf('.') + 1);
    return s.substring(s.lastIndexOf('$') + 1);
  }

  @SuppressWarnings("unchecked")
  private static <T> T rewriteRefs(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            if ("$ref".equals(k) && v instanceof String s && s.startsWith("#/$defs/")) {
              copy.put("$ref", "#/components/schemas/" + s.substring("#/$defs/".length()));
            } else {
              copy.put(String.valueOf(k), rewriteRefs(v));
            }
          });
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(rewriteRefs(v)));
      return (T) copy;
    }
    return value;
  }
}
