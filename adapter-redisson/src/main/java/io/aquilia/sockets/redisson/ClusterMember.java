package io.aquilia.sockets.redisson;

/**
 * One connection in a room, on any instance.
 *
 * @param instance the instance holding the connection
 * @param connectionId the connection id
 * @param userKey the presence key: the user (principal) or the connection id
 * @param meta the member's metadata as JSON text (an object), never null
 */
public record ClusterMember(String instance, String connectionId, String userKey, String meta) {

  /** Parses a stored field and value. */
  static ClusterMember parse(String field, String value) {
    int bar = field.indexOf('|');
    int nl = value.indexOf('\n');
    return new ClusterMember(
        field.substring(0, Math.max(bar, 0)),
        field.substring(bar + 1),
        nl < 0 ? value : value.substring(0, nl),
        nl < 0 ? "{}" : value.substring(nl + 1));
  }

  /** The stored value: {@code userKey\nmeta}. */
  String value() {
    return userKey + "\n" + meta;
  }
}
