package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.runtime.Admission;
import io.aquilia.sockets.runtime.DoorRequest;
import io.aquilia.sockets.runtime.LiveSocket;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;

/**
 * The handshake stage of one socket: checks the origin before the upgrade (a refused origin gets
 * HTTP 403), captures the request data, and creates one endpoint per connection. When the {@link
 * DoorFilter} did not see the upgrade, it asks the door itself; a refusal then closes the
 * connection (1008) as it opens.
 */
public final class SocketConfigurator extends ServerEndpointConfig.Configurator {

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
    return socket.allowsOrigin(originHeaderValue);
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
    String path = request.getRequestURI().getPath();
    if (path != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
      path = path.substring(contextPath.length());
    }
    Map<String, java.util.List<String>> query = request.getParameterMap();
    Map<String, java.util.List<String>> headers =
        request.getHeaders() == null ? Map.of() : request.getHeaders();
    String key = DoorFilter.first(headers, "Sec-WebSocket-Key");
    Admission late = null;
    if (!socket.protection().hasTicket(key)) {
      // the servlet filter did not see this upgrade: decide now, refuse after the upgrade
      late =
          socket
              .protection()
              .decideAfterUpgrade(
                  new DoorRequest(
                      headers, query, null, request.getUserPrincipal(), request::isUserInRole));
    }
    sec.getUserProperties()
        .put(
            Keys.HANDSHAKE,
            new HandshakeData(
                path,
                query == null ? Map.of() : query,
                headers,
                request.getUserPrincipal(),
                key,
                late));
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(new AquiliaEndpoint());
  }
}
