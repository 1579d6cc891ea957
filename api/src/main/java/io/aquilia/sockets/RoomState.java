package io.aquilia.sockets;

import java.util.List;

/**
 * A room as one of its members sees it: the data of the {@code room.join}, {@code room.leave} and
 * {@code presence.list} acknowledgements and the payload of the {@code room.joined} event.
 *
 * @param room the room name
 * @param members the ids of the connections in the room, sorted
 * @param presence the presence members sorted by key, or {@code null} (absent on the wire) when the
 *     socket does not track presence
 */
public record RoomState(String room, List<String> members, List<PresenceMember> presence) {

  /** Copies the lists. */
  public RoomState {
    members = List.copyOf(members);
    presence = presence == null ? null : List.copyOf(presence);
  }
}
