package io.aquilia.sockets.tck.broken;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** Has two definition errors, which must both be reported when the deployment fails. */
@Socket("/ws/broken/:room")
public class BrokenSocket extends SocketController {

  /** First handler of "dup". */
  @Event("dup")
  public void first() {}

  /** Second handler of "dup": AQS-005. */
  @Event("dup")
  public void second() {}

  /** Binds a parameter the path does not have: AQS-008. */
  @Event("other")
  public void other(@PathParam("nope") String nope) {}
}
