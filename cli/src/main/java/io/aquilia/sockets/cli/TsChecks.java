package io.aquilia.sockets.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the TypeScript checks of one value: its constraints (Bean Validation semantics, the
 * server's messages), cascading into {@code @Valid} objects and into container elements with the
 * paths Hibernate Validator reports ({@code items[0].name}, {@code tags[1].<list element>}).
 */
final class TsChecks {

  private final TsClient client;
  private final StringBuilder out;

  TsChecks(TsClient client, StringBuilder out) {
    this.client = client;
    this.out = out;
  }

  /** Checks of a property value {@code v} whose path is {@code p}. */
  @SuppressWarnings("unchecked")
  void property(Map<String, Object> s, String v, String p, String indent) {
    constraints(s, v, p, indent);
    boolean cascade = !Boolean.FALSE.equals(s.get("x-aquilia-cascade"));
    String nested = client.checkerOf(s);
    if (nested != null && cascade) {
      out.append(indent).append(nested).append('(').append(v).append(", ").append(p);
      out.append(" + '.', out, groups);\n");
    }
    String kind =
        "array".equals(s.get("type"))
            ? (Boolean.TRUE.equals(s.get("uniqueItems")) ? "set" : "list")
            : null;
    Map<String, Object> element = null;
    if (kind != null && s.get("items") instanceof Map<?, ?> items) {
      element = (Map<String, Object>) items;
    } else if ("object".equals(s.get("type"))
        && s.get("additionalProperties") instanceof Map<?, ?> values) {
      kind = "map";
      element = (Map<String, Object>) values;
    }
    if (element == null) {
      return;
    }
    String marker =
        switch (kind) {
          case "list" -> "<list element>";
          case "set" -> "<iterable element>";
          default -> "<map value>";
        };
    StringBuilder inner = new StringBuilder();
    TsChecks nestedChecks = new TsChecks(client, inner);
    nestedChecks.constraints(element, "e", "q + '." + marker + "'", indent + "  ");
    String elementChecker = client.checkerOf(element);
    boolean elementCascade = cascade && !Boolean.FALSE.equals(element.get("x-aquilia-cascade"));
    if (elementChecker != null && elementCascade) {
      inner
          .append(indent)
          .append("  ")
          .append(elementChecker)
          .append("(e, q + '.', out, groups);\n");
    }
    if (inner.length() > 0) {
      out.append(indent).append("each(").append(v).append(", ").append(p).append(", (e, q) => {\n");
      out.append(inner);
      out.append(indent).append("}, '").append(kind).append("');\n");
    }
  }

  @SuppressWarnings("unchecked")
  private void constraints(Map<String, Object> s, String v, String p, String indent) {
    for (Object c : (List<Object>) s.getOrDefault("x-aquilia-constraints", List.of())) {
      Map<String, Object> m = (Map<String, Object>) c;
      String cond = condition(m, v);
      if (cond == null) {
        out.append(indent)
            .append("// @")
            .append(m.get("constraint"))
            .append(": checked by the server only\n");
        continue;
      }
      List<String> groups = new ArrayList<>();
      ((List<Object>) m.getOrDefault("groups", List.of()))
          .forEach(g -> groups.add(TsNames.quote(String.valueOf(g))));
      out.append(indent)
          .append("if (inGroups(groups, [")
          .append(String.join(", ", groups))
          .append("]) && ");
      out.append(cond).append(") out.push({ path: ").append(p).append(", message: ");
      out.append(TsNames.quote(String.valueOf(m.get("message")))).append(" });\n");
    }
  }

  /** The violation condition of a constraint on {@code v}, or null when not checked here. */
  static String condition(Map<String, Object> c, String v) {
    String n = TsClient.number(0);
    return switch (String.valueOf(c.get("constraint"))) {
      case "NotNull" -> "isNull(" + v + ")";
      case "NotBlank" -> "isBlank(" + v + ")";
      case "NotEmpty" -> "isEmpty(" + v + ")";
      case "Null" -> "!isNull(" + v + ")";
      case "Size" ->
          "badSize("
              + v
              + ", "
              + TsClient.number(c.get("min"))
              + ", "
              + TsClient.number(c.get("max"))
              + ")";
      case "Min" -> "(num(" + v + ") ?? Infinity) < " + TsClient.number(c.get("value"));
      case "Max" -> "(num(" + v + ") ?? -Infinity) > " + TsClient.number(c.get("value"));
      case "DecimalMin" ->
          "(num("
              + v
              + ") ?? Infinity) "
              + (Boolean.TRUE.equals(c.get("inclusive")) ? "<" : "<=")
              + " "
              + TsClient.number(c.get("value"));
      case "DecimalMax" ->
          "(num("
              + v
              + ") ?? -Infinity) "
              + (Boolean.TRUE.equals(c.get("inclusive")) ? ">" : ">=")
              + " "
              + TsClient.number(c.get("value"));
      case "Positive" -> "(num(" + v + ") ?? Infinity) <= " + n;
      case "PositiveOrZero" -> "(num(" + v + ") ?? Infinity) < " + n;
      case "Negative" -> "(num(" + v + ") ?? -Infinity) >= " + n;
      case "NegativeOrZero" -> "(num(" + v + ") ?? -Infinity) > " + n;
      case "Pattern" ->
          "mismatch(" + v + ", " + TsNames.quote(String.valueOf(c.get("regexp"))) + ")";
      case "AssertTrue" -> v + " === false";
      case "AssertFalse" -> v + " === true";
      default -> null;
    };
  }
}
