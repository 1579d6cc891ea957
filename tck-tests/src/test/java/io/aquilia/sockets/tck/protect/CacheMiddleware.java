package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.SocketMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Event-level middleware that answers the message itself: the handler is never reached. */
@ApplicationScoped
public class CacheMiddleware implements SocketMiddleware {

  @Override
  public Object onMessage(Connection c, Envelope e, Next next) {
    return Map.of("cached", true);
  }
}
