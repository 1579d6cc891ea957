package io.aquilia.sockets.bench;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/**
 * Framework side of fan-out: a member of the room named in the path ({@code /fw/room/r0}), which it
 * joins on connect ({@code joinPathRoom}).
 */
@Socket(value = "/fw/room/:room", allowedOrigins = "*", joinPathRoom = "room")
public class FwRoomSocket extends SocketController {

  /** Members send nothing; an event keeps the controller a regular one. */
  @Event("noop")
  public void noop() {}
}
