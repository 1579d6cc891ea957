package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.runtime.LiveSocket;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The handshake stage of one socket: checks the origin before the upgrade (a refused origin gets
 * HTTP 403), captures the request data, and creates one endpoint per connection.
 */
public final class SocketConfigurator extends ServerEndpointConfig.Configurator {

  private static final Logger LOG = Logger.getLogger(SocketConfigurator.class.getName());

  private final LiveSocket socket;
  private final String contextPath;

  /**
   * @param socket the socket served
   * @param contextPath the web application's context path, stripped from request paths
   */
  public SocketConfigurator(LiveSocket socket, String contextPath) {
    this.socket = socket;
    this.contextPath = contextPath == null ? "" : contextPath;
  }

  @Override
  public boolean checkOrigin(String originHeaderValue) {
    boolean ok = socket.allowsOrigin(originHeaderValue);
    if (!ok) {
      LOG.warning(
          io.aquilia.sockets.runtime.Messages.originRefused(
              socket.path(), String.valueOf(originHeaderValue)));
    }
    return ok;
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
    String path = request.getRequestURI().getPath();
    if (path != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
      path = path.substring(contextPath.length());
    }
    Map<String, java.util.List<String>> query = request.getParameterMap();
    sec.getUserProperties()
        .put(
            Keys.HANDSHAKE,
            new HandshakeData(
                path,
                query == null ? Map.of() : query,
                request.getHeaders() == null ? Map.of() : request.getHeaders(),
                request.getUserPrincipal()));
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(new AquiliaEndpoint());
  }
}
