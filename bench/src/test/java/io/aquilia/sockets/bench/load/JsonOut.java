package io.aquilia.sockets.bench.load;

import java.util.Collection;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON. */
final class JsonOut {

  private JsonOut() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
        quote(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), depth + 1);
        first = false;
      }
      sb.append(first ? "}" : "\n" + "  ".repeat(depth) + "}");
    } else if (v instanceof Collection<?> c) {
      boolean simple = c.stream().noneMatch(x -> x instanceof Map || x instanceof Collection);
      sb.append('[');
      boolean first = true;
      for (Object x : c) {
        if (!first) {
          sb.append(',');
        }
        if (!simple) {
          sb.append('\n').append("  ".repeat(depth + 1));
        } else if (!first) {
          sb.append(' ');
        }
        write(sb, x, depth + 1);
        first = false;
      }
      sb.append(!simple && !first ? "\n" + "  ".repeat(depth) + "]" : "]");
    } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      sb.append("null");
    } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append(d.longValue());
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      quote(sb, v.toString());
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
