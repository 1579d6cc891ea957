package io.aquilia.sockets.redisson;

/**
 * One message on a Redis channel. {@code text} is the envelope as the publisher encoded it (or a
 * command's JSON for {@link Kind#COMMAND}); it travels as is, never re-encoded.
 *
 * @param kind what the message is
 * @param instance the publishing instance's id
 * @param prefix the publishing application's key prefix
 * @param namespace the socket namespace, or null for instance commands
 * @param room the room, or null for the whole namespace
 * @param exclude a connection id not to deliver to, or null
 * @param offset the recovery offset in the room's stream, or 0
 * @param text the envelope text or the command
 */
public record WireMessage(
    Kind kind,
    String instance,
    String prefix,
    String namespace,
    String room,
    String exclude,
    long offset,
    String text) {

  /** What a message carries. */
  public enum Kind {
    /** An envelope for the members of a room or namespace. */
    ENVELOPE("e"),
    /** An admin command (kick, purge) for the instances concerned. */
    COMMAND("c");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    String code() {
      return code;
    }

    static Kind of(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return k;
        }
      }
      return null;
    }
  }
}
