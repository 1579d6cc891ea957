package io.aquilia.sockets;

import jakarta.json.JsonValue;

/**
 * One member of a room's presence: a user (or an anonymous connection) with its metadata and the
 * number of its connections in the room. Sent in {@code presence.*} events and in room states.
 *
 * @param key the member key: {@link Connection#presenceKey()} of its connections
 * @param meta the metadata set with {@link Connection#setPresenceMeta(Object)}, as JSON; {@code
 *     JsonValue.NULL} when none was set. The last value set by any of the member's connections
 *     wins.
 * @param connections how many of the member's connections are in the room; {@code 0} in {@code
 *     presence.leave}
 */
public record PresenceMember(String key, JsonValue meta, int connections) {

  /** A null meta becomes {@code JsonValue.NULL}. */
  public PresenceMember {
    meta = meta == null ? JsonValue.NULL : meta;
  }
}
