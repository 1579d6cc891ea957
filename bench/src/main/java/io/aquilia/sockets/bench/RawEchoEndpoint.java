package io.aquilia.sockets.bench;

import io.aquilia.sockets.bench.Payloads.EchoIn;
import io.aquilia.sockets.bench.Payloads.EchoOut;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.atomic.AtomicInteger;

/** Baseline of {@link FwEchoSocket}: the same validated, acknowledged echo, by hand. */
@ServerEndpoint("/raw/echo")
public class RawEchoEndpoint {

  static final AtomicInteger OPEN = new AtomicInteger();

  private RawOutbox out;

  /** Sets up the send queue and announces the connection. */
  @OnOpen
  public void open(Session session) {
    session.setMaxIdleTimeout(0);
    out = new RawOutbox(session.getAsyncRemote());
    OPEN.incrementAndGet();
    out.send(RawSupport.connected("/raw/echo"));
  }

  /** Parses, binds, validates and acknowledges one message. */
  @OnMessage
  public void message(String text) {
    RawSupport.In in = RawSupport.parse(text);
    if (in == null || !"echo".equals(in.event())) {
      return;
    }
    EchoIn echo = RawSupport.bind(in, EchoIn.class, out);
    if (echo != null) {
      out.send(RawSupport.ackOk(in, new EchoOut(echo.seq(), echo.text())));
    }
  }

  /** Counts the connection out. */
  @OnClose
  public void close() {
    OPEN.decrementAndGet();
  }
}
