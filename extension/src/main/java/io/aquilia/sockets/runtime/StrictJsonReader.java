package io.aquilia.sockets.runtime;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON text into a {@link JsonValue} with the limits the protocol promises: at most
 * {@link #MAX_DEPTH} levels of nesting, no duplicate key in an object, numbers whose exponent stays
 * within {@link #MAX_EXPONENT}, and nothing after the value. It never recurses, so no input can
 * exhaust the stack.
 *
 * <p>Most messages are plain: an object, shallow, without exponents or very long numbers. When the
 * JSON-P implementation refuses duplicate keys itself ({@link JsonConfig.KeyStrategy#NONE}, which
 * Parsson on Open Liberty and Payara honours), such a message is read by the implementation's own
 * reader, about twice as fast as this reader's event loop. A character scan decides what is plain
 * before the implementation sees the text, so the implementation never recurses deeper than {@link
 * #MAX_DEPTH}. Whatever that reader refuses is read again by the event loop, which stays the
 * authority for what is accepted and for the reason of a refusal.
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
  // refuses duplicate keys itself, or null when the implementation does not
  private final JsonReaderFactory plainReaders;

  StrictJsonReader(JsonProvider json) {
    this.json = json;
    this.plainReaders = refusingDuplicates(json);
  }

  /**
   * A reader factory that refuses duplicate keys, checked on a sample: JSON-P 2.1 implementations
   * may ignore {@link JsonConfig#KEY_STRATEGY}.
   */
  private static JsonReaderFactory refusingDuplicates(JsonProvider json) {
    try {
      JsonReaderFactory f =
          json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
      return reads(f, "{\"k\":[1],\"j\":2}") && !reads(f, "{\"k\":1,\"k\":2}") ? f : null;
    } catch (RuntimeException | LinkageError unsupported) {
      return null;
    }
  }

  private static boolean reads(JsonReaderFactory f, String text) {
    try (JsonReader r = f.createReader(new StringReader(text))) {
      r.readObject();
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /** Whether plain messages are read by the JSON-P implementation's own reader. */
  boolean readsPlainTextDirectly() {
    return plainReaders != null;
  }

  /**
   * Parses {@code text}.
   *
   * @throws Rejected for input outside the limits (the message says which)
   * @throws RuntimeException for malformed JSON (the parser's own exception)
   */
  JsonValue read(String text) {
    if (plainReaders != null && isPlain(text)) {
      try (JsonReader r = plainReaders.createReader(new StringReader(text))) {
        return r.readObject();
      } catch (RuntimeException refused) {
        // read again below: the event loop names the reason
      }
    }
    return readEvents(text);
  }

  /**
   * Whether {@code text} is one JSON object, at most {@link #MAX_DEPTH} deep, with no number that
   * has an exponent or more than {@code 2 * MAX_EXPONENT} characters, and nothing but white space
   * after it, as far as a scan that does not check the grammar can tell. A malformed text may pass:
   * the reader refuses it then.
   */
  static boolean isPlain(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && isWhite(text.charAt(i))) {
      i++;
    }
    if (i == n || text.charAt(i) != '{') {
      return false;
    }
    int depth = 0;
    int numberRun = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        numberRun = 0;
        for (i++; i < n && text.charAt(i) != '"'; i++) {
          if (text.charAt(i) == '\\') {
            i++;
          }
        }
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+') {
        if (++numberRun > 2 * MAX_EXPONENT) {
          return false;
        }
        continue;
      }
      if ((c == 'e' || c == 'E') && numberRun > 0) {
        return false; // an exponent
      }
      numberRun = 0;
      if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          return false;
        }
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          for (i++; i < n; i++) {
            if (!isWhite(text.charAt(i))) {
              return false;
            }
          }
          return true;
        }
      }
    }
    return false; // unterminated
  }

  private static boolean isWhite(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** The event loop: every limit checked as the parser goes, never recursing. */
  JsonValue readEvents(String text) {
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
