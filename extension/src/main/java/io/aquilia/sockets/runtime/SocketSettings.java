package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The attributes of one {@code @Socket}, with {@link Overrides} applied: an overridden attribute
 * takes the configured value, which is parsed here; an unparsable value is a definition error
 * ({@code AQS-030}) and the annotation's value is used meanwhile.
 */
final class SocketSettings {

  private final Class<?> type;
  private final String path;
  private final Overrides overrides;
  private final Problems problems;

  SocketSettings(Class<?> type, Socket socket, Overrides overrides, Problems problems) {
    this.type = type;
    this.path = socket.value().isEmpty() ? socket.path() : socket.value();
    this.overrides = overrides;
    this.problems = problems;
  }

  int intValue(String attribute, int declared) {
    Optional<String> raw = raw(attribute);
    if (raw.isEmpty()) {
      return declared;
    }
    try {
      return Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      invalid(attribute, raw.get(), "expected an integer");
      return declared;
    }
  }

  boolean boolValue(String attribute, boolean declared) {
    Optional<String> raw = raw(attribute);
    if (raw.isEmpty()) {
      return declared;
    }
    String v = raw.get().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      invalid(attribute, raw.get(), "expected true or false");
      return declared;
    }
    return Boolean.parseBoolean(v);
  }

  <E extends Enum<E>> E enumValue(String attribute, E declared) {
    Optional<String> raw = raw(attribute);
    if (raw.isEmpty()) {
      return declared;
    }
    for (E e : declared.getDeclaringClass().getEnumConstants()) {
      if (e.name().equalsIgnoreCase(raw.get().replace('-', '_'))) {
        return e;
      }
    }
    invalid(
        attribute,
        raw.get(),
        "expected one of " + Arrays.toString(declared.getDeclaringClass().getEnumConstants()));
    return declared;
  }

  /** A comma-separated list; an empty value is the empty list. */
  List<String> listValue(String attribute, String[] declared) {
    Optional<String> raw = raw(attribute);
    if (raw.isEmpty()) {
      return List.of(declared);
    }
    List<String> out = new ArrayList<>();
    for (String part : raw.get().split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  private Optional<String> raw(String attribute) {
    return overrides.value(path, attribute).map(String::trim);
  }

  private void invalid(String attribute, String value, String rule) {
    problems.add(Messages.invalidOverride(type, overrides.describe(path, attribute), value, rule));
  }
}
