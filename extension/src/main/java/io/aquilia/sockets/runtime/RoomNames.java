package io.aquilia.sockets.runtime;

import java.util.Optional;

/** The rule for room names: 1 to 128 characters (UTF-16 units), no control characters. */
final class RoomNames {

  /** The longest room name. */
  static final int MAX_LENGTH = 128;

  private RoomNames() {}

  /** Why a name is not a valid room name, or empty if it is. */
  static Optional<String> problem(String room) {
    if (room == null || room.isEmpty()) {
      return Optional.of("'room' must be a non-empty string");
    }
    if (room.length() > MAX_LENGTH) {
      return Optional.of("'room' must have at most " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < room.length(); i++) {
      if (Character.isISOControl(room.charAt(i))) {
        return Optional.of("'room' must not contain control characters");
      }
    }
    return Optional.empty();
  }

  /** Checks a name given by application code. */
  static String require(String room) {
    problem(room)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(why);
            });
    return room;
  }
}
