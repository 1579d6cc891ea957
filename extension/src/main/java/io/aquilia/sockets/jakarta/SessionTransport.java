package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.runtime.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** A {@link Transport} over a Jakarta WebSocket session. */
final class SessionTransport implements Transport {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final Session session;
  private final RemoteEndpoint.Async remote;
  // the SendHandler of the last completion callback: the runtime passes the same one every time
  private volatile Completion completion = new Completion(null, null);

  /**
   * A completion callback and the {@link SendHandler} adapting it.
   *
   * @param done the runtime's callback
   * @param handler the container's
   */
  private record Completion(Consumer<Throwable> done, SendHandler handler) {}

  SessionTransport(Session session) {
    this.session = session;
    this.remote = session.getAsyncRemote();
  }

  @Override
  public void sendText(String text, Consumer<Throwable> done) {
    if (!session.isOpen()) {
      done.accept(new IOException("session closed"));
      return;
    }
    remote.sendText(text, handler(done));
  }

  private SendHandler handler(Consumer<Throwable> done) {
    Completion c = completion;
    if (c.done() != done) {
      c = new Completion(done, r -> done.accept(r.isOK() ? null : r.getException()));
      completion = c;
    }
    return c.handler();
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
