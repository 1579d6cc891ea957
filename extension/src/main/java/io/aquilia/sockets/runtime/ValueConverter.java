package io.aquilia.sockets.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Converts path parameter strings to the Java types handlers declare. */
final class ValueConverter {

  private static final Map<Class<?>, Function<String, Object>> CONVERTERS =
      Map.ofEntries(
          Map.entry(String.class, s -> s),
          Map.entry(int.class, Integer::valueOf),
          Map.entry(Integer.class, Integer::valueOf),
          Map.entry(long.class, Long::valueOf),
          Map.entry(Long.class, Long::valueOf),
          Map.entry(short.class, Short::valueOf),
          Map.entry(Short.class, Short::valueOf),
          Map.entry(byte.class, Byte::valueOf),
          Map.entry(Byte.class, Byte::valueOf),
          Map.entry(double.class, Double::valueOf),
          Map.entry(Double.class, Double::valueOf),
          Map.entry(float.class, Float::valueOf),
          Map.entry(Float.class, Float::valueOf),
          Map.entry(boolean.class, ValueConverter::strictBoolean),
          Map.entry(Boolean.class, ValueConverter::strictBoolean),
          Map.entry(BigInteger.class, BigInteger::new),
          Map.entry(BigDecimal.class, BigDecimal::new),
          Map.entry(UUID.class, UUID::fromString));

  private ValueConverter() {}

  /** The converter for a type, if the type is supported. Conversion throws on a bad value. */
  static Optional<Function<String, Object>> forType(Class<?> type) {
    Function<String, Object> f = CONVERTERS.get(type);
    if (f != null) {
      return Optional.of(f);
    }
    if (type.isEnum()) {
      return Optional.of(s -> enumValue(type, s));
    }
    return Optional.empty();
  }

  private static Object strictBoolean(String s) {
    if ("true".equals(s)) {
      return Boolean.TRUE;
    }
    if ("false".equals(s)) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean: " + s);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String s) {
    return Enum.valueOf((Class) type, s);
  }
}
