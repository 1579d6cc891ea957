package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.GuardContext;
import io.aquilia.sockets.SocketGuard;
import jakarta.enterprise.context.ApplicationScoped;

/** An event-level guard bean: refuses messages whose payload says {@code "quiet": true}. */
@ApplicationScoped
public class QuietHoursGuard implements SocketGuard {

  @Override
  public boolean allow(GuardContext ctx) {
    return !ctx.message()
        .map(e -> String.valueOf(e.payload()).contains("\"quiet\":true"))
        .orElse(false);
  }
}
