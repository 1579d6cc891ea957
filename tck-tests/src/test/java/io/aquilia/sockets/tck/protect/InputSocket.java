package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** The target of the bad-input table: a 32 KiB limit and typed payloads. */
@Socket(value = "/ws/input", maxMessageSize = 32768, allowedOrigins = "https://*.example.com")
public class InputSocket extends SocketController {

  /** Integral fields. */
  public record Counts(int n, @NotNull Long big) {}

  /** A text field. */
  public record Note(String text, boolean flag) {}

  /** Echoes the counts. */
  @AckEvent("counts")
  public Counts counts(Counts c) {
    return c;
  }

  /** Echoes the note. */
  @AckEvent("note")
  public Note note(Note n) {
    return n;
  }

  /** Echoes anything. */
  @AckEvent("echo")
  public Object echo(Map<String, Object> payload) {
    return payload;
  }
}
