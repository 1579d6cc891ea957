package io.aquilia.sockets.tck.app;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Typed path parameters. */
@Socket(path = "/ws/game/:id/:mode/:token", namespace = "games")
public class GameSocket extends SocketController {

  /** Game modes. */
  public enum Mode {
    FAST,
    SLOW
  }

  /** The converted parameters. */
  @AckEvent("state")
  public Map<String, Object> state(
      @PathParam("id") int id, @PathParam("mode") Mode mode, @PathParam("token") UUID token) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("next", id + 1);
    m.put("mode", mode.name());
    m.put("token", token.toString());
    m.put("namespace", namespace().name());
    return m;
  }
}
