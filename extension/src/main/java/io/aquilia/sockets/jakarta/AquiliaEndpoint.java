package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.runtime.Admission;
import io.aquilia.sockets.runtime.Frame;
import io.aquilia.sockets.runtime.HandshakeInfo;
import io.aquilia.sockets.runtime.LiveSocket;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.runtime.RuntimeConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The programmatic endpoint behind every socket: one instance per connection, forwarding to the
 * runtime's {@link LiveSocket}.
 */
public final class AquiliaEndpoint extends Endpoint {

  private static final Logger LOG = Logger.getLogger(AquiliaEndpoint.class.getName());

  private LiveSocket socket;
  private RuntimeConnection conn;

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    Map<String, Object> props = config.getUserProperties();
    socket = (LiveSocket) props.get(Keys.SOCKET);
    HandshakeData hs = (HandshakeData) props.get(Keys.HANDSHAKE);
    int max = socket.model().limits().maxMessageSize();
    session.setMaxTextMessageBufferSize(containerBuffer(max));
    session.setMaxBinaryMessageBufferSize(Math.min(max, 65536));
    session.setMaxIdleTimeout(0);
    Admission admission = null;
    if (hs != null) {
      admission = socket.protection().claim(hs.key());
      if (admission == null) {
        admission = hs.late();
      }
    }
    HandshakeInfo info =
        HandshakeInfo.admitted(
            hs == null ? pathOf(session) : hs.path(),
            session.getPathParameters(),
            hs == null ? queryOf(session) : hs.query(),
            hs == null ? Map.of() : hs.headers(),
            hs == null ? session.getUserPrincipal() : hs.principal(),
            admission);
    // the container's copy of the request data is not needed any more: do not keep it per session
    props.remove(Keys.HANDSHAKE, hs);
    RuntimeConnection c = socket.open(new SessionTransport(session), info);
    conn = c;
    LiveSocket s = socket;
    session.addMessageHandler(Frame.class, (MessageHandler.Whole<Frame>) f -> s.frame(c, f));
    session.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Whole<ByteBuffer>)
            b ->
                s.frame(
                    c,
                    new Frame.Malformed(
                        null, null, SocketFault.invalid("binary frames are not supported"))));
    session.addMessageHandler(
        PongMessage.class, (MessageHandler.Whole<PongMessage>) p -> s.activity(c));
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    if (conn != null) {
      socket.closed(
          conn,
          new CloseStatus(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase()));
    }
  }

  @Override
  public void onError(Session session, Throwable thr) {
    LOG.log(Level.FINE, Messages.transportError(conn == null ? "?" : conn.id()), thr);
  }

  /**
   * The container's buffer: twice the socket's limit (at least 64 KiB more), so that messages just
   * over the limit get a {@code WS_PAYLOAD_TOO_LARGE} answer and only far larger ones close with
   * 1009.
   */
  public static int containerBuffer(int max) {
    long buffer = Math.max(2L * max, (long) max + 65536);
    return (int) Math.min(buffer, 32L * 1024 * 1024);
  }

  private static String pathOf(Session session) {
    return session.getRequestURI() == null ? "" : session.getRequestURI().getPath();
  }

  private static Map<String, List<String>> queryOf(Session session) {
    return session.getRequestParameterMap() == null
        ? Map.of()
        : new HashMap<>(session.getRequestParameterMap());
  }
}
