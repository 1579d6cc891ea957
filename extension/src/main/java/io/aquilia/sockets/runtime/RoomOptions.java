package io.aquilia.sockets.runtime;

import java.util.Optional;

/**
 * The room features of a socket, as declared.
 *
 * @param presence whether rooms track presence
 * @param joinPathRoom the path parameter naming the room every connection joins, if any
 */
public record RoomOptions(boolean presence, Optional<String> joinPathRoom) {

  /** No presence, no automatic join. */
  public static final RoomOptions NONE = new RoomOptions(false, Optional.empty());
}
