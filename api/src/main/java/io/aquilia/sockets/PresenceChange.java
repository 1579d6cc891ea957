package io.aquilia.sockets;

/**
 * The payload of the {@code presence.join}, {@code presence.update} and {@code presence.leave}
 * events: one change of one member of a room.
 *
 * @param room the room
 * @param member the member after the change ({@code connections == 0} for {@code presence.leave})
 */
public record PresenceChange(String room, PresenceMember member) {}
