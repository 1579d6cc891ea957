package io.aquilia.sockets.runtime;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one JSON text into a {@link JsonValue} with the limits the protocol promises: at most
 * {@link #MAX_DEPTH} levels of nesting, no duplicate key in an object, numbers whose exponent stays
 * within {@link #MAX_EXPONENT}, and nothing after the value. It never recurses, so no input can
 * exhaust the stack.
 */
final class StrictJsonReader {

  /** Deepest nesting of arrays and objects accepted. */
  static final int MAX_DEPTH = 64;

  /** Largest decimal exponent accepted, either way ({@code 1e1000} passes, {@code 1e1001} not). */
  static final int MAX_EXPONENT = 1000;

  /** A JSON text outside these limits. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  private final JsonProvider json;

  StrictJsonReader(JsonProvider json) {
    this.json = json;
  }

  /**
   * Parses {@code text}.
   *
   * @throws Rejected for input outside the limits (the message says which)
   * @throws RuntimeException for malformed JSON (the parser's own exception)
   */
  JsonValue read(String text) {
    Deque<Object> builders = new ArrayDeque<>();
    Deque<String> keys = new ArrayDeque<>();
    Deque<Set<String>> seen = new ArrayDeque<>();
    JsonValue result = null;
    try (JsonParser p = json.createParser(new StringReader(text))) {
      while (p.hasNext()) {
        JsonParser.Event e = p.next();
        if (result != null) {
          throw new Rejected("malformed JSON");
        }
        switch (e) {
          case START_OBJECT, START_ARRAY -> {
            if (builders.size() >= MAX_DEPTH) {
              throw new Rejected("nesting deeper than " + MAX_DEPTH + " levels");
            }
            builders.push(
                e == JsonParser.Event.START_OBJECT
                    ? json.createObjectBuilder()
                    : json.createArrayBuilder());
            seen.push(new HashSet<>());
          }
          case KEY_NAME -> {
            String k = p.getString();
            if (!seen.peek().add(k)) {
              throw new Rejected("duplicate key '" + shorten(k) + "'");
            }
            keys.push(k);
          }
          case END_OBJECT, END_ARRAY -> {
            Object b = builders.pop();
            seen.pop();
            JsonValue v =
                b instanceof JsonObjectBuilder ob ? ob.build() : ((JsonArrayBuilder) b).build();
            result = add(builders, keys, v);
          }
          case VALUE_STRING -> result = add(builders, keys, json.createValue(p.getString()));
          case VALUE_NUMBER -> result = add(builders, keys, number(p));
          case VALUE_TRUE -> result = add(builders, keys, JsonValue.TRUE);
          case VALUE_FALSE -> result = add(builders, keys, JsonValue.FALSE);
          case VALUE_NULL -> result = add(builders, keys, JsonValue.NULL);
          default -> throw new Rejected("malformed JSON");
        }
      }
    }
    if (result == null) {
      throw new Rejected("malformed JSON");
    }
    return result;
  }

  private JsonValue number(JsonParser p) {
    String literal = p.getString();
    int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
    if (e >= 0) {
      String exp = literal.substring(e + 1).replace("+", "");
      String digits = exp.replace("-", "").replaceFirst("^0+(?=.)", "");
      if (digits.length() > 4 || Integer.parseInt(digits) > MAX_EXPONENT) {
        throw new Rejected("number out of range");
      }
    }
    if (literal.length() > 2 * MAX_EXPONENT) {
      throw new Rejected("number out of range");
    }
    return json.createValue(new BigDecimal(literal));
  }

  /** Adds a finished value to its parent; returns it when it is the top-level value. */
  private static JsonValue add(Deque<Object> builders, Deque<String> keys, JsonValue v) {
    Object parent = builders.peek();
    if (parent == null) {
      return v;
    }
    if (parent instanceof JsonObjectBuilder ob) {
      ob.add(keys.pop(), v);
    } else {
      ((JsonArrayBuilder) parent).add(v);
    }
    return null;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
