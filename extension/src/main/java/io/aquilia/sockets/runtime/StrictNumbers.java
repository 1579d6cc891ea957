package io.aquilia.sockets.runtime;

import io.aquilia.sockets.SocketFault;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strict number rule for payloads: a JSON number bound to an integral Java type ({@code int},
 * {@code long}, {@code short}, {@code byte}, their wrappers, {@code BigInteger}) must be an integer
 * within the type's range. JSON-B implementations are lenient here (Yasson binds {@code 1.5} into
 * an {@code int} as {@code 1}); this check runs before binding and names the field that fails.
 */
final class StrictNumbers {

  private static final int MAX_DEPTH = 32;
  private static final Map<Class<?>, BigInteger[]> RANGES =
      Map.ofEntries(
          Map.entry(int.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE)),
          Map.entry(Integer.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE)),
          Map.entry(long.class, range(Long.MIN_VALUE, Long.MAX_VALUE)),
          Map.entry(Long.class, range(Long.MIN_VALUE, Long.MAX_VALUE)),
          Map.entry(short.class, range(Short.MIN_VALUE, Short.MAX_VALUE)),
          Map.entry(Short.class, range(Short.MIN_VALUE, Short.MAX_VALUE)),
          Map.entry(byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE)),
          Map.entry(Byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE)));

  private final Map<Class<?>, Map<String, Type>> properties = new ConcurrentHashMap<>();

  /** Throws {@code WS_MESSAGE_INVALID} when a number does not fit its integral target. */
  void check(String event, JsonValue value, Type type) {
    String bad = find(value, type, "", 0);
    if (bad != null) {
      throw SocketFault.invalid(
          "payload of event '"
              + event
              + "' does not match: "
              + (bad.isEmpty() ? "the value" : "field '" + bad + "'")
              + " must be an integer in range");
    }
  }

  /** The path of the first offending number, "" for the root, or null when all fit. */
  private String find(JsonValue v, Type t, String path, int depth) {
    if (v == null || depth > MAX_DEPTH) {
      return null;
    }
    Class<?> raw = raw(t);
    if (raw == null) {
      return null;
    }
    if (raw == Optional.class) {
      return find(v, arg(t, 0), path, depth + 1);
    }
    if (v instanceof JsonNumber n) {
      return fits(n, raw) ? null : path;
    }
    if (v instanceof JsonArray a) {
      Type element =
          raw.isArray()
              ? (t instanceof GenericArrayType g
                  ? g.getGenericComponentType()
                  : raw.getComponentType())
              : Collection.class.isAssignableFrom(raw) ? arg(t, 0) : null;
      for (int i = 0; element != null && i < a.size(); i++) {
        String bad = find(a.get(i), element, path + "[" + i + "]", depth + 1);
        if (bad != null) {
          return bad;
        }
      }
      return null;
    }
    if (v instanceof JsonObject o) {
      if (Map.class.isAssignableFrom(raw)) {
        Type value = arg(t, 1);
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
          String bad = find(e.getValue(), value, join(path, e.getKey()), depth + 1);
          if (bad != null) {
            return bad;
          }
        }
        return null;
      }
      if (raw.getName().startsWith("java.") || raw.isPrimitive() || raw.isEnum()) {
        return null;
      }
      for (Map.Entry<String, Type> p : properties(raw).entrySet()) {
        String bad = find(o.get(p.getKey()), p.getValue(), join(path, p.getKey()), depth + 1);
        if (bad != null) {
          return bad;
        }
      }
    }
    return null;
  }

  private static boolean fits(JsonNumber n, Class<?> target) {
    BigInteger[] range = RANGES.get(target);
    if (range == null && target != BigInteger.class) {
      return true;
    }
    BigDecimal d = n.bigDecimalValue();
    BigInteger i;
    try {
      i = d.toBigIntegerExact();
    } catch (ArithmeticException notIntegral) {
      return false;
    }
    return range == null || (i.compareTo(range[0]) >= 0 && i.compareTo(range[1]) <= 0);
  }

  /** JSON property names of a class or record, with their Java types. */
  private Map<String, Type> properties(Class<?> c) {
    return properties.computeIfAbsent(
        c,
        k -> {
          Map<String, Type> out = new LinkedHashMap<>();
          if (k.isRecord()) {
            for (RecordComponent rc : k.getRecordComponents()) {
              JsonbProperty p = rc.getAccessor().getAnnotation(JsonbProperty.class);
              Field f = field(k, rc.getName());
              JsonbProperty fp = f == null ? null : f.getAnnotation(JsonbProperty.class);
              String name = p != null ? p.value() : fp != null ? fp.value() : rc.getName();
              out.put(name, rc.getGenericType());
            }
            return out;
          }
          for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
            for (Field f : x.getDeclaredFields()) {
              if (Modifier.isStatic(f.getModifiers())
                  || Modifier.isTransient(f.getModifiers())
                  || f.isAnnotationPresent(JsonbTransient.class)) {
                continue;
              }
              JsonbProperty p = f.getAnnotation(JsonbProperty.class);
              out.putIfAbsent(p != null ? p.value() : f.getName(), f.getGenericType());
            }
          }
          return out;
        });
  }

  private static Field field(Class<?> c, String name) {
    try {
      return c.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    if (t instanceof GenericArrayType) {
      return Object[].class;
    }
    return null;
  }

  private static Type arg(Type t, int i) {
    return t instanceof ParameterizedType p && p.getActualTypeArguments().length > i
        ? p.getActualTypeArguments()[i]
        : Object.class;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static BigInteger[] range(long min, long max) {
    return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
  }
}
