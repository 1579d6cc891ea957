package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.GlobalMiddleware;
import io.aquilia.sockets.SocketMiddleware;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

/** Global middleware (every socket): counts messages per connection in an attribute. */
@ApplicationScoped
@GlobalMiddleware
@Priority(1)
public class StampMiddleware implements SocketMiddleware {

  @Override
  public Object onMessage(Connection c, Envelope e, Next next) throws Exception {
    c.attributes().merge("seen", 1, (a, b) -> (Integer) a + (Integer) b);
    return next.proceed();
  }
}
