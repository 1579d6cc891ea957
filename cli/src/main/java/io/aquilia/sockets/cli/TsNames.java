package io.aquilia.sockets.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Valid, unique TypeScript identifiers for event names ({@code message.send}, {@code user-left},
 * {@code 2fa:verify}) and type names. A name that is a reserved word, a global type or a member of
 * the runtime gets a suffix; names that collide after conversion are numbered in a stable order.
 */
final class TsNames {

  /** Words that cannot be identifiers, or that would shadow something the file needs. */
  static final Set<String> RESERVED =
      Set.of(
          "break",
          "case",
          "catch",
          "class",
          "const",
          "continue",
          "debugger",
          "default",
          "delete",
          "do",
          "else",
          "enum",
          "export",
          "extends",
          "false",
          "finally",
          "for",
          "function",
          "if",
          "import",
          "in",
          "instanceof",
          "new",
          "null",
          "return",
          "super",
          "switch",
          "this",
          "throw",
          "true",
          "try",
          "typeof",
          "var",
          "void",
          "while",
          "with",
          "as",
          "implements",
          "interface",
          "let",
          "package",
          "private",
          "protected",
          "public",
          "static",
          "yield",
          "any",
          "boolean",
          "constructor",
          "declare",
          "get",
          "module",
          "require",
          "number",
          "set",
          "string",
          "symbol",
          "type",
          "from",
          "of",
          "unknown",
          "never",
          "object",
          "undefined",
          "await",
          "async",
          "keyof",
          "readonly",
          "infer",
          "is",
          "asserts",
          "namespace",
          "abstract",
          "Array",
          "Record",
          "Promise",
          "Map",
          "Set",
          "Date",
          "Error",
          "Object",
          "String",
          "Number",
          "Boolean",
          "Function",
          "JSON",
          "Math",
          "RegExp",
          "Symbol",
          "WebSocket",
          "globalThis");

  /** Members of the runtime's base class and of every generated client. */
  static final Set<String> MEMBERS =
      Set.of(
          "on",
          "onAny",
          "onState",
          "onConnected",
          "close",
          "emit",
          "state",
          "connectionId",
          "limits",
          "queued",
          "request",
          "sendFirst",
          "afterConnect",
          "open",
          "receive",
          "connected",
          "settle",
          "dispatch",
          "flush",
          "write",
          "detach",
          "disconnected",
          "setState",
          "startHeartbeat",
          "stopHeartbeat",
          "rateWait",
          "socketUrl",
          "path",
          "rooms",
          "constructor",
          "toString",
          "valueOf",
          "hasOwnProperty");

  /** Type names declared by the runtime. */
  static final Set<String> RUNTIME_TYPES =
      Set.of(
          "Violation",
          "ErrorCode",
          "AquiliaError",
          "ConnectionState",
          "Limits",
          "ConnectedInfo",
          "ErrorEventPayload",
          "CloseInfo",
          "WebSocketLike",
          "ClientOptions",
          "Timer",
          "Timers",
          "Checker",
          "RequestSpec",
          "Pending",
          "Outgoing",
          "AquiliaSocket");

  private final Set<String> used = new HashSet<>();

  /** A new scope of unique names, with these names already taken. */
  TsNames(Set<String> taken) {
    used.addAll(taken);
  }

  /** {@code message.send} → {@code messageSend}; unique in this scope. */
  String method(String eventName) {
    String base = camel(eventName, false);
    if (RESERVED.contains(base) || MEMBERS.contains(base)) {
      base = base + "Event";
    }
    return unique(base);
  }

  /** A type name (already a Java identifier), made unique in this scope. */
  String type(String name) {
    String base = identifier(name);
    if (RESERVED.contains(base) || RUNTIME_TYPES.contains(base)) {
      base = base + "Type";
    }
    return unique(base);
  }

  /** Reserves an exact name, numbering it when taken. */
  String unique(String base) {
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** Splits on anything that is not a letter or digit and joins in camel case. */
  static String camel(String s, boolean upperFirst) {
    StringBuilder sb = new StringBuilder();
    boolean upper = upperFirst;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        sb.append(
            upper
                ? Character.toUpperCase(c)
                : sb.length() == 0 && !upperFirst ? Character.toLowerCase(c) : c);
        upper = false;
      } else {
        upper = sb.length() > 0 || upperFirst;
      }
    }
    String r = sb.length() == 0 ? "event" : sb.toString();
    return Character.isDigit(r.charAt(0)) ? "_" + r : r;
  }

  private static String identifier(String s) {
    String r = s.replaceAll("[^A-Za-z0-9_$]", "_");
    return r.isEmpty() || Character.isDigit(r.charAt(0)) ? "_" + r : r;
  }

  /** A string literal for TypeScript source. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\'' -> sb.append("\\'");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029 || c > 0x7e) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('\'').toString();
  }

  /** Text safe inside a JSDoc comment. */
  static String doc(String s) {
    return s.replace("*/", "*\\/").replace("\r", " ").replace("\n", " ");
  }
}
