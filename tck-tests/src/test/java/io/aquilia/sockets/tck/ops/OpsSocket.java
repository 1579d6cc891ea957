package io.aquilia.sockets.tck.ops;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import jakarta.validation.constraints.NotBlank;

/** A socket whose traffic the operations tests measure. */
@Socket("/ws/ops")
public class OpsSocket extends SocketController {

  /** A validated payload. */
  public record Note(@NotBlank String text) {}

  /** Acknowledged echo. */
  @AckEvent("note")
  public String note(Note n) {
    return n.text();
  }

  /** Fails. */
  @Event("fail")
  public void fail() {
    throw new IllegalStateException("expected failure");
  }
}
