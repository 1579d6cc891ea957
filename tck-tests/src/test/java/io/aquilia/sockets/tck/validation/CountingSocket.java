package io.aquilia.sockets.tck.validation;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * A handler whose payload parameter carries {@code @Valid}, as users write it: the runtime
 * validates the payload, and the container's method validation must not validate it again.
 */
@Socket("/ws/counting")
public class CountingSocket extends SocketController {

  /** A payload with a counted constraint. */
  public record Item(@Counted @NotBlank String name) {}

  /** Answers with the number of {@link Counted} checks so far. */
  @Event(value = "item.add", ack = true)
  public int add(@Valid Item item) {
    return CountedValidator.CHECKS.get();
  }
}
