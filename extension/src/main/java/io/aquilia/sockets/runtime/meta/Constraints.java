package io.aquilia.sockets.runtime.meta;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Bean Validation constraint annotations into JSON Schema keywords and into the {@code
 * x-aquilia-constraints} list, which keeps each constraint with its attributes, groups and the
 * message the server sends when it fails (the default English message of Hibernate Validator, or
 * the constraint's own message with its attributes substituted).
 *
 * <p>Annotations are read reflectively by their {@code jakarta.validation.constraints} names, so
 * this class needs no Bean Validation implementation.
 */
final class Constraints {

  /** The package of the built-in constraints. */
  static final String PACKAGE = "jakarta.validation.constraints.";

  private static final Map<String, String> DEFAULT_MESSAGES =
      Map.ofEntries(
          Map.entry("AssertFalse", "must be false"),
          Map.entry("AssertTrue", "must be true"),
          Map.entry("DecimalMax", "must be less than ${or equal to }{value}"),
          Map.entry("DecimalMin", "must be greater than ${or equal to }{value}"),
          Map.entry(
              "Digits",
              "numeric value out of bounds (<{integer} digits>.<{fraction} digits> expected)"),
          Map.entry("Email", "must be a well-formed email address"),
          Map.entry("Future", "must be a future date"),
          Map.entry("FutureOrPresent", "must be a date in the present or in the future"),
          Map.entry("Max", "must be less than or equal to {value}"),
          Map.entry("Min", "must be greater than or equal to {value}"),
          Map.entry("Negative", "must be less than 0"),
          Map.entry("NegativeOrZero", "must be less than or equal to 0"),
          Map.entry("NotBlank", "must not be blank"),
          Map.entry("NotEmpty", "must not be empty"),
          Map.entry("NotNull", "must not be null"),
          Map.entry("Null", "must be null"),
          Map.entry("Past", "must be a past date"),
          Map.entry("PastOrPresent", "must be a date in the past or in the present"),
          Map.entry("Pattern", "must match \"{regexp}\""),
          Map.entry("Positive", "must be greater than 0"),
          Map.entry("PositiveOrZero", "must be greater than or equal to 0"),
          Map.entry("Size", "size must be between {min} and {max}"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private Constraints() {}

  /** Whether the annotation is a built-in Bean Validation constraint. */
  static boolean isConstraint(Annotation a) {
    String n = a.annotationType().getName();
    return n.startsWith(PACKAGE) && DEFAULT_MESSAGES.containsKey(simple(a));
  }

  /** Whether the annotation is {@code jakarta.validation.Valid} (cascaded validation). */
  static boolean isValid(Annotation a) {
    return a.annotationType().getName().equals("jakarta.validation.Valid");
  }

  /** Whether one of the constraints makes the property required (not null). */
  static boolean required(List<Annotation> constraints) {
    return constraints.stream()
        .map(Constraints::simple)
        .anyMatch(n -> n.equals("NotNull") || n.equals("NotBlank") || n.equals("NotEmpty"));
  }

  /**
   * Adds the JSON Schema keywords of the constraints to {@code schema} (whose {@code type} is
   * already set) and the {@code x-aquilia-constraints} list.
   */
  static void apply(Map<String, Object> schema, List<Annotation> constraints) {
    if (constraints.isEmpty()) {
      return;
    }
    Object type = schema.get("type");
    List<Object> described = new ArrayList<>();
    for (Annotation a : constraints) {
      String name = simple(a);
      keywords(schema, type, name, a);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("constraint", name);
      attributes(c, name, a);
      List<Object> groups = new ArrayList<>();
      for (Class<?> g : (Class<?>[]) attr(a, "groups")) {
        groups.add(g.getName());
      }
      c.put("groups", groups.isEmpty() ? List.of("jakarta.validation.groups.Default") : groups);
      c.put("message", message(name, a));
      described.add(c);
    }
    schema.put("x-aquilia-constraints", described);
  }

  private static void keywords(Map<String, Object> schema, Object type, String name, Annotation a) {
    switch (name) {
      case "NotBlank" -> {
        schema.put("minLength", 1);
        schema.put("pattern", "\\S");
      }
      case "NotEmpty" -> schema.put(sizeKey(type, "min"), 1);
      case "Size" -> {
        int min = (Integer) attr(a, "min");
        int max = (Integer) attr(a, "max");
        if (min > 0) {
          schema.put(sizeKey(type, "min"), min);
        }
        if (max < Integer.MAX_VALUE) {
          schema.put(sizeKey(type, "max"), max);
        }
      }
      case "Min" -> schema.put("minimum", attr(a, "value"));
      case "Max" -> schema.put("maximum", attr(a, "value"));
      case "DecimalMin" ->
          schema.put(
              (Boolean) attr(a, "inclusive") ? "minimum" : "exclusiveMinimum",
              new java.math.BigDecimal((String) attr(a, "value")));
      case "DecimalMax" ->
          schema.put(
              (Boolean) attr(a, "inclusive") ? "maximum" : "exclusiveMaximum",
              new java.math.BigDecimal((String) attr(a, "value")));
      case "Positive" -> schema.put("exclusiveMinimum", 0);
      case "PositiveOrZero" -> schema.put("minimum", 0);
      case "Negative" -> schema.put("exclusiveMaximum", 0);
      case "NegativeOrZero" -> schema.put("maximum", 0);
      case "Pattern" -> schema.put("pattern", "^(?:" + attr(a, "regexp") + ")$");
      case "Email" -> schema.put("format", "email");
      case "AssertTrue" -> schema.put("const", true);
      case "AssertFalse" -> schema.put("const", false);
      default -> {}
    }
  }

  private static String sizeKey(Object type, String minOrMax) {
    if ("array".equals(type)) {
      return minOrMax + "Items";
    }
    if ("object".equals(type)) {
      return minOrMax + "Properties";
    }
    return minOrMax + "Length";
  }

  private static void attributes(Map<String, Object> c, String name, Annotation a) {
    switch (name) {
      case "Size" -> {
        c.put("min", attr(a, "min"));
        c.put("max", attr(a, "max"));
      }
      case "Min", "Max" -> c.put("value", attr(a, "value"));
      case "DecimalMin", "DecimalMax" -> {
        c.put("value", attr(a, "value"));
        c.put("inclusive", attr(a, "inclusive"));
      }
      case "Pattern" -> c.put("regexp", attr(a, "regexp"));
      case "Digits" -> {
        c.put("integer", attr(a, "integer"));
        c.put("fraction", attr(a, "fraction"));
      }
      default -> {}
    }
  }

  /** The message the server's validator produces for this constraint (default locale English). */
  static String message(String name, Annotation a) {
    String declared = (String) attr(a, "message");
    String template =
        declared.equals("{" + PACKAGE + name + ".message}") ? DEFAULT_MESSAGES.get(name) : declared;
    if (name.equals("DecimalMin") || name.equals("DecimalMax")) {
      template =
          template.replace("${or equal to }", (Boolean) attr(a, "inclusive") ? "or equal to " : "");
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object v = attrOrNull(a, m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static String simple(Annotation a) {
    return a.annotationType().getSimpleName();
  }

  private static Object attr(Annotation a, String name) {
    Object v = attrOrNull(a, name);
    if (v == null) {
      throw new IllegalStateException(a.annotationType().getName() + " has no attribute " + name);
    }
    return v;
  }

  private static Object attrOrNull(Annotation a, String name) {
    try {
      Method m = a.annotationType().getMethod(name);
      return m.invoke(a);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
