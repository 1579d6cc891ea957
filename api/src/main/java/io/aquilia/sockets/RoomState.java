package io.aquilia.sockets;

import java.util.List;

/**
 * A room as one of its members sees it: the data of the {@code room.join}, {@code room.leave} and
 * {@code presence.list} acknowledgements and the payload of the {@code room.joined} event.
 *
 * <p>The member list is bounded: a room of any size is described in at most {@value
 * #MEMBER_LIST_LIMIT} connection ids, and {@code count} says how many connections it holds. (A full
 * list would cost every joiner O(N) bytes, and the room's setup O(N<sup>2</sup>): 200 KB for the
 * 5,000th member of a room.) Presence, which is per user, is not bounded.
 *
 * @param room the room name
 * @param count the number of connections in the room
 * @param members the ids of the connections in the room, sorted; only the first {@value
 *     #MEMBER_LIST_LIMIT} when {@code count} is larger
 * @param presence the presence members sorted by key, or {@code null} (absent on the wire) when the
 *     socket does not track presence
 */
public record RoomState(
    String room, int count, List<String> members, List<PresenceMember> presence) {

  /** The most connection ids a {@code RoomState} lists. */
  public static final int MEMBER_LIST_LIMIT = 100;

  /** Copies the lists, and keeps the first {@value #MEMBER_LIST_LIMIT} members. */
  public RoomState {
    members =
        List.copyOf(
            members.size() > MEMBER_LIST_LIMIT ? members.subList(0, MEMBER_LIST_LIMIT) : members);
    presence = presence == null ? null : List.copyOf(presence);
  }
}
