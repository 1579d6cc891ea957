package io.aquilia.sockets.runtime;

import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Violation;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Binds a JSON payload to a handler's payload type with JSON-B and validates it. */
final class PayloadBinder {

  private final Jsonb jsonb;
  private final Validator validator;
  private final StrictNumbers numbers = new StrictNumbers();
  // Yasson's fromJsonStructure(JsonStructure, Type), bound to jsonb, or null
  private final MethodHandle fromStructure;

  /**
   * @param jsonb for binding
   * @param validator for constraints, or null when Bean Validation is absent
   */
  PayloadBinder(Jsonb jsonb, Validator validator) {
    this.jsonb = jsonb;
    this.validator = validator;
    this.fromStructure = structureBinder(jsonb);
  }

  /**
   * Yasson (the JSON-B of Open Liberty and Payara) binds a parsed {@link JsonStructure} directly;
   * JSON-B itself only takes text, which would print the payload the decoder has just parsed and
   * parse it again (6 % of the framework's CPU per message in the echo benchmark). Found by
   * reflection, as the implementation's classes need not be visible to the application; null for
   * another JSON-B, which gets text.
   */
  static MethodHandle structureBinder(Jsonb jsonb) {
    try {
      Method m = jsonb.getClass().getMethod("fromJsonStructure", JsonStructure.class, Type.class);
      return MethodHandles.publicLookup().unreflect(m).bindTo(jsonb);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError notYasson) {
      return null;
    }
  }

  private Object fromJson(JsonValue raw, Type type) {
    if (fromStructure != null && raw instanceof JsonStructure structure) {
      try {
        return fromStructure.invoke(structure, type);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable checked) {
        throw new IllegalStateException(checked);
      }
    }
    return jsonb.fromJson(raw.toString(), type);
  }

  Object bind(String event, JsonValue raw, Type type, List<Class<?>> groups) {
    if (raw == null || raw == JsonValue.NULL) {
      throw SocketFault.invalid("event '" + event + "' requires a payload");
    }
    numbers.check(event, raw, type);
    Object value;
    if (type instanceof Class<?> c && c.isInstance(raw)) {
      value = raw;
    } else {
      try {
        value = fromJson(raw, type);
      } catch (RuntimeException e) {
        throw SocketFault.invalid(
            "payload of event '"
                + event
                + "' does not match "
                + simpleName(type)
                + ": "
                + reason(raw, type, e));
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

  private static final java.util.regex.Pattern PROPERTY =
      java.util.regex.Pattern.compile("property '?([A-Za-z_$][A-Za-z0-9_$]*)'?");

  /**
   * A client-safe reason: the JSON shape expected, or the field that failed. The binder's own text
   * (which may name internal classes) goes nowhere.
   */
  private static String reason(JsonValue raw, Type type, Throwable e) {
    boolean structured =
        type instanceof Class<?> c
            && !c.isPrimitive()
            && !c.getName().startsWith("java.")
            && !c.isEnum()
            && !c.isArray();
    if (structured && raw.getValueType() != JsonValue.ValueType.OBJECT) {
      return "expected a JSON object";
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String msg = t.getMessage();
      if (msg != null) {
        java.util.regex.Matcher m = PROPERTY.matcher(msg);
        if (m.find()) {
          return "field '" + m.group(1) + "' has the wrong type";
        }
      }
    }
    return "a value has the wrong type";
  }
}
