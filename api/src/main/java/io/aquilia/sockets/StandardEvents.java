package io.aquilia.sockets;

/**
 * The event names the runtime itself reads or writes. They are part of the wire protocol ({@code
 * docs/protocol.md}) and never change meaning.
 */
public final class StandardEvents {

  /**
   * Client request to join a room, handled by a {@link Subscribe} method; payload {@link RoomRef}.
   */
  public static final String ROOM_JOIN = "room.join";

  /** Client request to leave a room, handled by an {@link Unsubscribe} method; {@link RoomRef}. */
  public static final String ROOM_LEAVE = "room.leave";

  /** To a connection the server joined to a room; payload {@link RoomState}. */
  public static final String ROOM_JOINED = "room.joined";

  /** To a connection the server removed from a room; payload {@link RoomRef}. */
  public static final String ROOM_LEFT = "room.left";

  /** Client request for a room's presence (presence sockets only); {@link RoomRef}. */
  public static final String PRESENCE_LIST = "presence.list";

  /**
   * To each member of a room an administrator purged ({@link SocketAdmin#purgeRoom}), before {@code
   * room.left}; payload {@code {"room", "reason"}}.
   */
  public static final String ROOM_PURGED = "room.purged";

  /**
   * Client request for the events of a {@link Recoverable} room missed since {@code {"room",
   * "epoch", "offset"}}; the answer is {@link RoomRecovery}.
   */
  public static final String ROOM_RECOVER = "room.recover";

  /** A member appeared in a room; payload {@link PresenceChange}. */
  public static final String PRESENCE_JOIN = "presence.join";

  /** A member's metadata or connection count changed; payload {@link PresenceChange}. */
  public static final String PRESENCE_UPDATE = "presence.update";

  /** A member's last connection left a room; payload {@link PresenceChange}. */
  public static final String PRESENCE_LEAVE = "presence.leave";

  /** Suffix of the events carrying the items of a streaming reply. */
  public static final String CHUNK_SUFFIX = ".chunk";

  /** Suffix of the event that ends a streaming reply; payload {@link StreamEnd}. */
  public static final String END_SUFFIX = ".end";

  /** Control event by which a client cancels the streaming reply to the message of that id. */
  public static final String CANCEL = "cancel";

  private StandardEvents() {}
}
