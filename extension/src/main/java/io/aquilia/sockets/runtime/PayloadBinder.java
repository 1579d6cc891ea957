package io.aquilia.sockets.runtime;

import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Violation;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Binds a JSON payload to a handler's payload type with JSON-B and validates it. */
final class PayloadBinder {

  private final Jsonb jsonb;
  private final Validator validator;

  /**
   * @param jsonb for binding
   * @param validator for constraints, or null when Bean Validation is absent
   */
  PayloadBinder(Jsonb jsonb, Validator validator) {
    this.jsonb = jsonb;
    this.validator = validator;
  }

  Object bind(String event, JsonValue raw, Type type, List<Class<?>> groups) {
    if (raw == null || raw == JsonValue.NULL) {
      throw SocketFault.invalid("event '" + event + "' requires a payload");
    }
    Object value;
    if (type instanceof Class<?> c && c.isInstance(raw)) {
      value = raw;
    } else {
      try {
        value = jsonb.fromJson(raw.toString(), type);
      } catch (RuntimeException e) {
        throw SocketFault.invalid(
            "payload of event '"
                + event
                + "' does not match "
                + simpleName(type)
                + ": "
                + firstLine(e));
      }
    }
    if (value == null) {
      throw SocketFault.invalid("event '" + event + "' requires a payload");
    }
    validate(value, groups);
    return value;
  }

  private void validate(Object value, List<Class<?>> groups) {
    if (validator == null) {
      return;
    }
    Set<ConstraintViolation<Object>> found =
        validator.validate(value, groups.toArray(new Class<?>[0]));
    if (!found.isEmpty()) {
      List<Violation> violations =
          found.stream()
              .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::message))
              .toList();
      throw SocketFault.invalid(violations);
    }
  }

  private static String simpleName(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
  }

  private static String firstLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = msg.indexOf('\n');
    if (nl >= 0) {
      msg = msg.substring(0, nl);
    }
    return msg.length() > 200 ? msg.substring(0, 200) + "..." : msg;
  }
}
