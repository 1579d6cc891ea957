package io.aquilia.sockets.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A socket path in the Aquilia syntax: {@code /ws/chat/:room}. Literal segments and {@code :name}
 * parameter segments, separated by slashes.
 *
 * @param template the path as written
 * @param paramNames the parameter names, in order
 * @param jakartaPath the same template in Jakarta WebSocket syntax, {@code /ws/chat/{room}}
 * @param shape the template with every parameter replaced by {@code {}}, for duplicate detection
 */
public record PathTemplate(
    String template, List<String> paramNames, String jakartaPath, String shape) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=@-]+");

  /** Copies the names. */
  public PathTemplate {
    paramNames = List.copyOf(paramNames);
  }

  /**
   * Parses a template.
   *
   * @return the template, or empty with the reason added through {@code why}
   */
  static Optional<PathTemplate> parse(String template, List<String> why) {
    if (template == null || !template.startsWith("/")) {
      why.add("it must start with '/'");
      return Optional.empty();
    }
    if (template.length() > 1 && template.endsWith("/")) {
      why.add("it must not end with '/'");
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    StringBuilder jakarta = new StringBuilder();
    StringBuilder shape = new StringBuilder();
    String[] segments = template.substring(1).split("/", -1);
    for (String seg : segments) {
      if (template.equals("/")) {
        break;
      }
      jakarta.append('/');
      shape.append('/');
      if (seg.isEmpty()) {
        why.add("it contains an empty segment");
        return Optional.empty();
      }
      if (seg.startsWith(":")) {
        String name = seg.substring(1);
        if (!NAME.matcher(name).matches()) {
          why.add("parameter ':" + name + "' is not a valid name (letters, digits, '_')");
          return Optional.empty();
        }
        if (!seen.add(name)) {
          why.add("parameter ':" + name + "' appears twice");
          return Optional.empty();
        }
        names.add(name);
        jakarta.append('{').append(name).append('}');
        shape.append("{}");
      } else {
        if (!LITERAL.matcher(seg).matches()) {
          why.add("segment '" + seg + "' contains characters not allowed in a path");
          return Optional.empty();
        }
        jakarta.append(seg);
        shape.append(seg);
      }
    }
    String j = jakarta.length() == 0 ? "/" : jakarta.toString();
    String s = shape.length() == 0 ? "/" : shape.toString();
    return Optional.of(new PathTemplate(template, names, j, s));
  }
}
