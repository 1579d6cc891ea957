package io.aquilia.sockets.bench;

import io.aquilia.sockets.bench.Payloads.Tick;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Baseline of {@link FwPublishSocket}: a validated, acknowledged publish to the room, by hand. */
@ServerEndpoint("/raw/pub")
public class RawPublishEndpoint {

  private RawOutbox out;

  /** Sets up the send queue and announces the connection. */
  @OnOpen
  public void open(Session session) {
    session.setMaxIdleTimeout(0);
    out = new RawOutbox(session.getAsyncRemote());
    out.send(RawSupport.connected("/raw/pub"));
  }

  /** Parses, binds, validates, broadcasts and acknowledges one publish. */
  @OnMessage
  public void message(String text) {
    RawSupport.In in = RawSupport.parse(text);
    if (in == null || !"publish".equals(in.event())) {
      return;
    }
    Tick tick = RawSupport.bind(in, Tick.class, out);
    if (tick != null) {
      out.send(RawSupport.ackOk(in, RawRoomEndpoint.publish(tick.room(), "tick", tick)));
    }
  }
}
