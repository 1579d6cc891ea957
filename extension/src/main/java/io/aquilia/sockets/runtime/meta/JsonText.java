package io.aquilia.sockets.runtime.meta;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer over plain Java values: {@code Map<String, Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 * It lets the metadata tools run without a JSON-P implementation on the class path (at build time,
 * in the CLI).
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Writes a value as compact JSON. */
  public static String compact(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, -1, 0);
    return sb.toString();
  }

  /** Writes a value as JSON indented by two spaces, with a final newline. */
  public static String pretty(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 2, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int indent, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      sb.append(v);
    } else if (v instanceof Number n) {
      sb.append(number(n));
    } else if (v instanceof Map<?, ?> m) {
      writeObject(sb, m, indent, depth);
    } else if (v instanceof List<?> l) {
      writeArray(sb, l, indent, depth);
    } else {
      quote(sb, v.toString());
    }
  }

  private static String number(Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return "null";
    }
    BigDecimal b = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
    String s = b.stripTrailingZeros().toPlainString();
    return s;
  }

  private static void writeObject(StringBuilder sb, Map<?, ?> m, int indent, int depth) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      newline(sb, indent, depth + 1);
      quote(sb, String.valueOf(e.getKey()));
      sb.append(indent < 0 ? ":" : ": ");
      write(sb, e.getValue(), indent, depth + 1);
    }
    newline(sb, indent, depth);
    sb.append('}');
  }

  private static void writeArray(StringBuilder sb, List<?> l, int indent, int depth) {
    if (l.isEmpty()) {
      sb.append("[]");
      return;
    }
    boolean simple = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
    sb.append('[');
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        sb.append(simple && indent >= 0 ? ", " : ",");
      }
      if (!simple) {
        newline(sb, indent, depth + 1);
      }
      write(sb, l.get(i), indent, depth + 1);
    }
    if (!simple) {
      newline(sb, indent, depth);
    }
    sb.append(']');
  }

  private static void newline(StringBuilder sb, int indent, int depth) {
    if (indent >= 0) {
      sb.append('\n').append(" ".repeat(indent * depth));
    }
  }

  /** Appends a JSON string literal. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]);
            sb.append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Parses JSON text. Objects become insertion-ordered maps, integers {@code Long} (or {@code
   * BigDecimal} when they do not fit), other numbers {@code BigDecimal}.
   *
   * @throws IllegalArgumentException with the offset when the text is not one JSON value
   */
  public static Object parse(String text) {
    Reader r = new Reader(text);
    r.skipWs();
    Object v = r.value(0);
    r.skipWs();
    if (r.pos != text.length()) {
      throw r.error("unexpected content after the value");
    }
    return v;
  }

  /** A recursive-descent reader with a depth limit. */
  private static final class Reader {
    private static final int MAX_DEPTH = 512;
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String why) {
      return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + why);
    }

    void skipWs() {
      while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested too deeply");
      }
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(pos);
      return switch (c) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> number();
      };
    }

    private Object literal(String word, Object v) {
      if (!s.startsWith(word, pos)) {
        throw error("unexpected character '" + s.charAt(pos) + "'");
      }
      pos += word.length();
      return v;
    }

    private Map<String, Object> object(int depth) {
      Map<String, Object> m = new LinkedHashMap<>();
      pos++;
      skipWs();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipWs();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw error("expected a property name");
        }
        String key = string();
        skipWs();
        expect(':');
        skipWs();
        m.put(key, value(depth + 1));
        skipWs();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect('}');
        return m;
      }
    }

    private List<Object> array(int depth) {
      List<Object> l = new ArrayList<>();
      pos++;
      skipWs();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return l;
      }
      while (true) {
        skipWs();
        l.add(value(depth + 1));
        skipWs();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect(']');
        return l;
      }
    }

    private void expect(char c) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private String string() {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c < 0x20) {
          throw error("control character in a string");
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw error("unterminated escape");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("bad unicode escape");
            }
            try {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad unicode escape");
            }
            pos += 4;
          }
          default -> throw error("bad escape '\\" + e + "'");
        }
      }
    }

    private Number number() {
      int start = pos;
      if (pos < s.length() && s.charAt(pos) == '-') {
        pos++;
      }
      while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      String t = s.substring(start, pos);
      if (t.isEmpty() || t.equals("-")) {
        throw error("unexpected character");
      }
      try {
        BigDecimal d = new BigDecimal(t);
        if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
          try {
            return d.longValueExact();
          } catch (ArithmeticException tooBig) {
            return d;
          }
        }
        return d;
      } catch (NumberFormatException ex) {
        throw error("bad number '" + t + "'");
      }
    }
  }
}
