package io.aquilia.sockets.redisson;

import java.util.Set;

/**
 * The members of a room that share one presence key, on every instance.
 *
 * @param key the presence key (the user, or a connection id)
 * @param meta the key's metadata as JSON text (last write wins), or null
 * @param connections the ids of the key's connections in the room, never empty
 */
public record PresenceState(String key, String meta, Set<String> connections) {

  /** Copies the set. */
  public PresenceState {
    connections = Set.copyOf(connections);
  }
}
