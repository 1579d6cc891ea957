package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.SocketMiddleware;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what it sees, per connection id, so that tests can ask for the trail. */
@ApplicationScoped
@Priority(10)
public class AuditMiddleware implements SocketMiddleware {

  private final List<String> trail = new CopyOnWriteArrayList<>();

  @Override
  public void onConnect(Connection c) {
    trail.add(c.id() + " connect " + c.principal().map(p -> p.getName()).orElse("-"));
  }

  @Override
  public Object onMessage(Connection c, Envelope e, Next next) throws Exception {
    trail.add(c.id() + " message " + e.event());
    return next.proceed();
  }

  @Override
  public void onDisconnect(Connection c, CloseStatus status) {
    trail.add(c.id() + " disconnect " + status.code());
  }

  /** The entries of one connection. */
  public List<String> of(String connectionId) {
    return trail.stream().filter(s -> s.startsWith(connectionId + " ")).toList();
  }
}
