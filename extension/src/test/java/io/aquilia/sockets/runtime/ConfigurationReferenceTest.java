package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.Socket;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md must list every {@code @Socket} attribute with its real type and default.
 */
class ConfigurationReferenceTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| `([A-Za-z]+)` \\| ([A-Za-z\\[\\]]+) \\| `([^`]*)` \\| .+\\|$");

  @Test
  void socketAttributesTableMatchesTheAnnotation() throws IOException {
    Map<String, String> documented = documentedRows();
    Map<String, String> actual = new TreeMap<>();
    for (Method m : Socket.class.getDeclaredMethods()) {
      actual.put(
          m.getName(), m.getReturnType().getSimpleName() + " " + render(m.getDefaultValue()));
    }
    assertThat(documented).isEqualTo(actual);
  }

  @Test
  void configKeysTableListsEveryOverridableAttribute() throws IOException {
    String text = Files.readString(Path.of("..", "docs", "configuration.md"));
    String table =
        text.substring(
            text.indexOf("<!-- config-keys:start -->"), text.indexOf("<!-- config-keys:end -->"));
    Pattern key = Pattern.compile("^\\| `aquilia\\.sockets\\.\"<path>\"\\.([a-z-]+)` \\|");
    java.util.Set<String> documented = new java.util.TreeSet<>();
    for (String line : table.split("\n")) {
      Matcher m = key.matcher(line.trim());
      if (m.find()) {
        documented.add(m.group(1));
      }
    }
    java.util.Set<String> actual = new java.util.TreeSet<>();
    for (String a : Overrides.ATTRIBUTES) {
      actual.add(a.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(documented).isEqualTo(actual);
  }

  private static Map<String, String> documentedRows() throws IOException {
    Path doc = Path.of("..", "docs", "configuration.md");
    String text = Files.readString(doc);
    String table =
        text.substring(
            text.indexOf("<!-- socket-attributes:start -->"),
            text.indexOf("<!-- socket-attributes:end -->"));
    Map<String, String> rows = new TreeMap<>();
    for (String line : table.split("\n")) {
      Matcher m = ROW.matcher(line.trim());
      if (m.matches()) {
        rows.put(m.group(1), m.group(2) + " " + m.group(3));
      }
    }
    return rows;
  }

  private static String render(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value != null && value.getClass().isArray()) {
      Object[] items = new Object[Array.getLength(value)];
      for (int i = 0; i < items.length; i++) {
        items[i] = render(Array.get(value, i));
      }
      return "{" + String.join(", ", Arrays.stream(items).map(String::valueOf).toList()) + "}";
    }
    return String.valueOf(value);
  }
}
