package io.aquilia.sockets;

/**
 * The answer to {@code room.recover}, sent after the replayed events.
 *
 * @param room the room
 * @param recovered whether every event after the client's offset was replayed; {@code false}: some
 *     are gone (trimmed, another epoch, or the history is unavailable) and none was replayed
 * @param epoch the room's current epoch ({@code ""} if the room has no history yet)
 * @param offset the room's current offset: the client's new position
 * @param replayed how many events were replayed before this answer
 */
public record RoomRecovery(
    String room, boolean recovered, String epoch, long offset, int replayed) {}
