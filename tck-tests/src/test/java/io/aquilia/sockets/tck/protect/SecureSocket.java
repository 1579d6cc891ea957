package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.UseGuards;
import io.aquilia.sockets.UseMiddleware;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Needs a user (token), a member guard bean, audit middleware; admin.op needs the admin role. */
@Socket(value = "/ws/secure", authenticationRequired = true, maxConnectionsPerUser = 2)
@UseGuards(MemberGuard.class)
@UseMiddleware(AuditMiddleware.class)
public class SecureSocket extends SocketController {

  @Inject AuditMiddleware audit;

  /** Who the server thinks the client is, and what the app sees of its handshake. */
  @AckEvent("whoami")
  public Map<String, Object> whoami(Connection c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", c.principal().map(p -> p.getName()).orElse(null));
    m.put("admin", c.isUserInRole("admin"));
    m.put("member", c.isUserInRole("member"));
    m.put("authorization", c.header("Authorization").orElse(null));
    m.put("query", c.queryParams().keySet().toString());
    m.put("protocols", c.header("Sec-WebSocket-Protocol").orElse(null));
    m.put("seen", c.attributes().get("seen"));
    return m;
  }

  /** Only for admins. */
  @AckEvent("admin.op")
  @RolesAllowed("admin")
  public String adminOp() {
    return "done";
  }

  /** Answered by the cache middleware; the handler itself fails. */
  @AckEvent("cached")
  @UseMiddleware(CacheMiddleware.class)
  public String cached() {
    throw new IllegalStateException("the middleware should have answered");
  }

  /** Guarded per event by a guard bean. */
  @AckEvent("say")
  @UseGuards(QuietHoursGuard.class)
  public String say(Map<String, Object> payload) {
    return "said";
  }

  /** The audit trail of a connection. */
  @AckEvent("audit")
  public List<String> audit(Map<String, String> q) {
    return audit.of(q.get("connectionId"));
  }
}
