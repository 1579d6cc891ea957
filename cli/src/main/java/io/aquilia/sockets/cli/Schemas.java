package io.aquilia.sockets.cli;

import java.util.List;
import java.util.Map;

/** Reading helpers over the JSON Schemas of a metadata document. */
final class Schemas {

  private Schemas() {}

  /** A short type description: {@code ChatMessage}, {@code string[]}, {@code int64}. */
  @SuppressWarnings("unchecked")
  static String summary(Map<String, Object> s) {
    if (s.get("$ref") instanceof String ref) {
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    if (s.get("enum") instanceof List<?> values) {
      return String.join("|", values.stream().map(String::valueOf).toList());
    }
    Object type = s.get("type");
    if ("array".equals(type)) {
      Object items = s.get("items");
      return (items instanceof Map<?, ?> m ? summary((Map<String, Object>) m) : "any") + "[]";
    }
    if ("object".equals(type) && s.get("additionalProperties") instanceof Map<?, ?> v) {
      return "map<" + summary((Map<String, Object>) v) + ">";
    }
    if ("integer".equals(type) && s.get("format") != null) {
      return String.valueOf(s.get("format"));
    }
    return type == null ? "any" : String.valueOf(type);
  }

  /** Whether the schema (through its reference) carries constraints the server checks. */
  @SuppressWarnings("unchecked")
  static boolean hasConstraints(Map<String, Object> s, Map<String, Object> defs) {
    if (s.containsKey("x-aquilia-constraints")) {
      return true;
    }
    if (s.get("$ref") instanceof String ref) {
      Object def = defs.get(ref.substring(ref.lastIndexOf('/') + 1));
      if (def instanceof Map<?, ?> d && d.get("properties") instanceof Map<?, ?> props) {
        for (Object p : props.values()) {
          if (p instanceof Map<?, ?> pm
              && ((Map<String, Object>) pm).containsKey("x-aquilia-constraints")) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }
}
