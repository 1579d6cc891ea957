package io.aquilia.sockets.runtime;

import io.aquilia.sockets.runtime.meta.JsonText;

/** JSON string quoting for the envelope writer; {@code null} becomes the JSON literal. */
final class Json {

  private Json() {}

  static void quote(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    JsonText.quote(sb, s);
  }
}
