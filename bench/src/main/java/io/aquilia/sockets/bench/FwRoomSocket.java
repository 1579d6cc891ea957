package io.aquilia.sockets.bench;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/**
 * Framework side of fan-out: every connection of this socket is a member of the one room. Until the
 * rooms feature lands, the room is the namespace and publishing is {@code broadcast}.
 */
@Socket(value = "/fw/room", allowedOrigins = "*")
public class FwRoomSocket extends SocketController {

  /** Members send nothing; an event keeps the controller a regular one. */
  @Event("noop")
  public void noop() {}
}
