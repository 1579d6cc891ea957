package io.aquilia.sockets.sample;

import io.aquilia.sockets.Guard;
import io.aquilia.sockets.GuardContext;
import io.aquilia.sockets.SocketGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Refuses connections to rooms whose name is not 1-32 lower-case letters, digits or dashes: the
 * connection is closed with 1008 before {@code connected}.
 */
@ApplicationScoped
@Guard(priority = 10, stages = Guard.Stage.CONNECT)
public class RoomNameGuard implements SocketGuard {

  private static final Pattern ROOM = Pattern.compile("[a-z0-9-]{1,32}");

  @Override
  public boolean allow(GuardContext ctx) {
    String room = ctx.connection().pathParams().get("room");
    return room != null && ROOM.matcher(room).matches();
  }
}
