package io.aquilia.sockets;

/**
 * A room name: the payload of the {@code room.join}, {@code room.leave} and {@code presence.list}
 * requests and of the {@code room.left} event, {@code {"room": "lobby"}}.
 *
 * @param room the room name: 1 to 128 characters, no control characters
 */
public record RoomRef(String room) {}
