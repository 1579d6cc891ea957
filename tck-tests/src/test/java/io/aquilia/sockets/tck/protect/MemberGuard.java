package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.Guard;
import io.aquilia.sockets.GuardContext;
import io.aquilia.sockets.SocketGuard;
import jakarta.enterprise.context.ApplicationScoped;

/** A reusable guard bean: refuses connections whose query says {@code ?deny=member}. */
@ApplicationScoped
@Guard(
    priority = 5,
    stages = {Guard.Stage.CONNECT})
public class MemberGuard implements SocketGuard {

  @Override
  public boolean allow(GuardContext ctx) {
    return !"member".equals(ctx.connection().queryParam("deny").orElse(null));
  }
}
