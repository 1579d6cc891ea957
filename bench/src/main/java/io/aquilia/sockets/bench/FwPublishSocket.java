package io.aquilia.sockets.bench;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.bench.Payloads.Tick;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

/**
 * Framework side of the fan-out publisher: a validated, acknowledged {@code publish} that publishes
 * the tick to its room of the room socket and answers with the number of recipients.
 */
@Socket(value = "/fw/pub", allowedOrigins = "*")
public class FwPublishSocket extends SocketController {

  @Inject FwRoomSocket room;

  /** Publishes the tick to every member of its room. */
  @Event(value = "publish", ack = true)
  public int publish(@Valid Tick tick) {
    return room.publish(tick.room(), "tick", tick);
  }
}
