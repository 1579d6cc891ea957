package io.aquilia.sockets.runtime.meta;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives JSON Schemas (draft 2020-12) from Java types the way JSON-B (Yasson) maps them, with the
 * Bean Validation constraints of their properties. Object types go to a shared {@code $defs} table
 * under unique names and are referenced as {@code #/$defs/Name}.
 *
 * <p>Properties are those JSON-B writes by default: record components, public fields and public
 * getters ({@code @JsonbTransient} skipped, {@code @JsonbProperty} renames). A property is required
 * when it is primitive or carries {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}. The
 * constraints of a nested object apply only when the property is {@code @Valid}, as in Bean
 * Validation; otherwise the reference carries {@code "x-aquilia-cascade": false}.
 */
public final class SchemaBuilder {

  private static final Map<Class<?>, String> FORMATS =
      Map.ofEntries(
          Map.entry(java.util.UUID.class, "uuid"),
          Map.entry(java.time.Instant.class, "date-time"),
          Map.entry(java.time.OffsetDateTime.class, "date-time"),
          Map.entry(java.time.ZonedDateTime.class, "date-time"),
          Map.entry(java.time.LocalDateTime.class, "date-time"),
          Map.entry(java.util.Date.class, "date-time"),
          Map.entry(java.util.Calendar.class, "date-time"),
          Map.entry(java.time.LocalDate.class, "date"),
          Map.entry(java.time.LocalTime.class, "time"),
          Map.entry(java.time.OffsetTime.class, "time"),
          Map.entry(java.time.Duration.class, "duration"),
          Map.entry(java.net.URI.class, "uri"),
          Map.entry(java.net.URL.class, "uri"));

  private final Map<String, Object> defs = new TreeMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();

  /** The {@code $defs} table built so far, by name. */
  public Map<String, Object> defs() {
    return defs;
  }

  /**
   * The schema of a handler's payload or result type: constraints declared on the type's own
   * properties apply (Bean Validation validates the payload object itself).
   */
  public Map<String, Object> schema(AnnotatedType type) {
    return schema(type, List.of(), true);
  }

  /**
   * The schema of a handler's payload parameter: like {@link #schema(AnnotatedType)}, but
   * constraints on the parameter itself are left out, since the runtime validates the payload
   * object, not the parameter.
   */
  public Map<String, Object> payloadSchema(AnnotatedType type) {
    return typeSchema(type, true);
  }

  /** The schema of a class (no type arguments, no annotations). */
  public Map<String, Object> schema(Class<?> type) {
    return schema(new PlainType(type), List.of(), true);
  }

  private Map<String, Object> schema(AnnotatedType at, List<Annotation> declared, boolean cascade) {
    List<Annotation> constraints = new ArrayList<>(declared);
    for (Annotation a : at.getAnnotations()) {
      if (Constraints.isConstraint(a) && !constraints.contains(a)) {
        constraints.add(a);
      }
    }
    Map<String, Object> s = typeSchema(at, cascade);
    Constraints.apply(s, constraints);
    return s;
  }

  private Map<String, Object> typeSchema(AnnotatedType at, boolean cascade) {
    Type t = at.getType();
    Class<?> raw = raw(t);
    Map<String, Object> s = new LinkedHashMap<>();
    if (raw == null || raw == Object.class) {
      return s;
    }
    if (raw == Optional.class) {
      return arg(at, 0).map(a -> typeSchema(a, cascade)).orElse(s);
    }
    if (raw == String.class || raw == CharSequence.class) {
      s.put("type", "string");
    } else if (raw == char.class || raw == Character.class) {
      s.put("type", "string");
      s.put("minLength", 1);
      s.put("maxLength", 1);
    } else if (raw == boolean.class || raw == Boolean.class) {
      s.put("type", "boolean");
    } else if (raw == int.class
        || raw == Integer.class
        || raw == short.class
        || raw == Short.class
        || raw == byte.class
        || raw == Byte.class) {
      s.put("type", "integer");
      s.put("format", "int32");
    } else if (raw == long.class || raw == Long.class) {
      s.put("type", "integer");
      s.put("format", "int64");
    } else if (raw == BigInteger.class) {
      s.put("type", "integer");
    } else if (raw == float.class
        || raw == Float.class
        || raw == double.class
        || raw == Double.class
        || raw == BigDecimal.class
        || raw == Number.class) {
      s.put("type", "number");
    } else if (FORMATS.containsKey(raw)) {
      s.put("type", "string");
      s.put("format", FORMATS.get(raw));
    } else if (raw.isEnum()) {
      s.put("type", "string");
      List<Object> values = new ArrayList<>();
      for (Object c : raw.getEnumConstants()) {
        values.add(((Enum<?>) c).name());
      }
      s.put("enum", values);
    } else if (raw.getName().startsWith("jakarta.json.")) {
      jsonValue(s, raw);
    } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
      s.put("type", "array");
      if (Set.class.isAssignableFrom(raw)) {
        s.put("uniqueItems", true);
      }
      Optional<AnnotatedType> item = raw.isArray() ? component(at) : arg(at, 0);
      item.ifPresent(i -> s.put("items", element(i, cascade)));
    } else if (Map.class.isAssignableFrom(raw)) {
      s.put("type", "object");
      arg(at, 1).ifPresent(v -> s.put("additionalProperties", element(v, cascade)));
    } else if (raw.isPrimitive() || raw.getName().startsWith("java.")) {
      s.put("x-java-type", raw.getName());
    } else {
      s.put("$ref", "#/$defs/" + define(raw));
      if (!cascade) {
        s.put("x-aquilia-cascade", false);
      }
    }
    return s;
  }

  /**
   * A container element: its own type-use constraints apply; a nested object cascades when the
   * container property or the element is {@code @Valid}.
   */
  private Map<String, Object> element(AnnotatedType at, boolean cascade) {
    boolean valid = false;
    for (Annotation a : at.getAnnotations()) {
      valid |= Constraints.isValid(a);
    }
    return schema(at, List.of(), cascade || valid);
  }

  private static void jsonValue(Map<String, Object> s, Class<?> raw) {
    switch (raw.getSimpleName()) {
      case "JsonObject" -> s.put("type", "object");
      case "JsonArray" -> s.put("type", "array");
      case "JsonString" -> s.put("type", "string");
      case "JsonNumber" -> s.put("type", "number");
      default -> {}
    }
  }

  /** Registers an object type under a unique name and builds its schema once. */
  private String define(Class<?> type) {
    String known = names.get(type);
    if (known != null) {
      return known;
    }
    String name = uniqueName(type);
    names.put(type, name);
    defs.put(name, Map.of());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("x-java-type", type.getName());
    Map<String, Object> props = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    for (Property p : properties(type)) {
      List<Annotation> constraints = new ArrayList<>();
      boolean valid = false;
      for (Annotation a : p.annotations()) {
        if (Constraints.isConstraint(a) && !constraints.contains(a)) {
          constraints.add(a);
        }
        valid |= Constraints.isValid(a);
      }
      Map<String, Object> ps = schema(p.type(), constraints, valid);
      if (!p.javaName().equals(p.jsonName())) {
        ps.put("x-java-name", p.javaName());
      }
      props.put(p.jsonName(), ps);
      List<Annotation> all = new ArrayList<>(constraints);
      for (Annotation a : p.type().getAnnotations()) {
        all.add(a);
      }
      if (p.type().getType() instanceof Class<?> c && c.isPrimitive()
          || Constraints.required(all)) {
        required.add(p.jsonName());
      }
    }
    s.put("properties", props);
    if (!required.isEmpty()) {
      s.put("required", required);
    }
    defs.put(name, s);
    return name;
  }

  private String uniqueName(Class<?> type) {
    String base = type.getSimpleName();
    if (!defs.containsKey(base)) {
      return base;
    }
    Class<?> outer = type.getEnclosingClass();
    if (outer != null && !defs.containsKey(outer.getSimpleName() + base)) {
      return outer.getSimpleName() + base;
    }
    for (int i = 2; ; i++) {
      if (!defs.containsKey(base + i)) {
        return base + i;
      }
    }
  }

  /**
   * A JSON property of an object type.
   *
   * @param javaName the Java property name (the Bean Validation path element)
   * @param jsonName the JSON name
   * @param type the annotated type
   * @param annotations the declaration annotations of the field and the accessor
   */
  record Property(
      String javaName, String jsonName, AnnotatedType type, List<Annotation> annotations) {}

  static List<Property> properties(Class<?> type) {
    Map<String, Property> found = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        List<Annotation> anns = new ArrayList<>();
        addAll(anns, rc);
        field(type, rc.getName()).ifPresent(f -> addAll(anns, f));
        addAll(anns, rc.getAccessor());
        add(found, rc.getName(), rc.getAnnotatedType(), anns);
      }
    } else {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int mod = f.getModifiers();
          if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
            continue;
          }
          Optional<Method> getter = getter(type, f.getName());
          if (!Modifier.isPublic(mod) && getter.isEmpty()) {
            continue;
          }
          List<Annotation> anns = new ArrayList<>();
          addAll(anns, f);
          getter.ifPresent(g -> addAll(anns, g));
          add(found, f.getName(), f.getAnnotatedType(), anns);
        }
      }
    }
    List<Property> result = new ArrayList<>();
    found.values().stream()
        .filter(p -> p.annotations().stream().noneMatch(a -> named(a, "JsonbTransient")))
        .forEach(result::add);
    return result;
  }

  private static void add(
      Map<String, Property> found, String name, AnnotatedType type, List<Annotation> anns) {
    if (found.containsKey(name)) {
      return;
    }
    String json = name;
    for (Annotation a : anns) {
      if (named(a, "JsonbProperty")) {
        try {
          String v = (String) a.annotationType().getMethod("value").invoke(a);
          if (!v.isEmpty()) {
            json = v;
          }
        } catch (ReflectiveOperationException e) {
          // keep the Java name
        }
      }
    }
    found.put(name, new Property(name, json, type, List.copyOf(anns)));
  }

  private static boolean named(Annotation a, String simpleName) {
    return a.annotationType().getName().equals("jakarta.json.bind.annotation." + simpleName);
  }

  private static void addAll(List<Annotation> into, AnnotatedElement e) {
    for (Annotation a : e.getAnnotations()) {
      if (!into.contains(a)) {
        into.add(a);
      }
    }
  }

  private static Optional<Field> field(Class<?> type, String name) {
    try {
      return Optional.of(type.getDeclaredField(name));
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    }
  }

  private static Optional<Method> getter(Class<?> type, String name) {
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String n : List.of("get" + cap, "is" + cap)) {
      try {
        Method m = type.getMethod(n);
        if (m.getReturnType() != void.class && !Modifier.isStatic(m.getModifiers())) {
          return Optional.of(m);
        }
      } catch (NoSuchMethodException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static Optional<AnnotatedType> arg(AnnotatedType at, int index) {
    if (at instanceof AnnotatedParameterizedType p) {
      AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
      if (index < args.length) {
        return Optional.of(args[index]);
      }
    }
    return Optional.empty();
  }

  private static Optional<AnnotatedType> component(AnnotatedType at) {
    if (at instanceof AnnotatedArrayType a) {
      return Optional.of(a.getAnnotatedGenericComponentType());
    }
    if (at.getType() instanceof Class<?> c && c.isArray()) {
      return Optional.of(new PlainType(c.getComponentType()));
    }
    return Optional.empty();
  }

  static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (t instanceof GenericArrayType g) {
      Class<?> c = raw(g.getGenericComponentType());
      return c == null ? null : c.arrayType();
    }
    return null;
  }

  /** An {@link AnnotatedType} without annotations, for plain classes. */
  record PlainType(Class<?> type) implements AnnotatedType {
    @Override
    public Type getType() {
      return type;
    }

    @Override
    public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
      return null;
    }

    @Override
    public Annotation[] getAnnotations() {
      return new Annotation[0];
    }

    @Override
    public Annotation[] getDeclaredAnnotations() {
      return new Annotation[0];
    }
  }
}
