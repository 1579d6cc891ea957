package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.runtime.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** A {@link Transport} over a Jakarta WebSocket session. */
final class SessionTransport implements Transport {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final Session session;

  SessionTransport(Session session) {
    this.session = session;
  }

  @Override
  public void sendText(String text, Consumer<Throwable> done) {
    if (!session.isOpen()) {
      done.accept(new IOException("session closed"));
      return;
    }
    session.getAsyncRemote().sendText(text, r -> done.accept(r.isOK() ? null : r.getException()));
  }

  @Override
  public void sendPing() {
    try {
      if (session.isOpen()) {
        session.getBasicRemote().sendPing(EMPTY.duplicate());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close(int code, String reason) {
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
