package io.aquilia.sockets.tck.rooms;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketStats;
import java.util.Map;

/** Floods a room on request; the subclasses differ only in their overflow policy. */
public abstract class FloodSocket extends SocketController {

  /**
   * A flood: {@code count} messages of about {@code size} characters, numbered from {@code from}.
   */
  public record Flood(String room, int from, int count, int size) {}

  /** Publishes the flood to the room; returns how many messages were published. */
  @AckEvent("flood")
  public int flood(Flood f) {
    String pad = "x".repeat(f.size());
    for (int i = f.from(); i < f.from() + f.count(); i++) {
      publish(f.room(), "tick", Map.of("seq", i, "pad", pad));
    }
    return f.count();
  }

  /** The socket's counters. */
  @AckEvent("stats")
  public SocketStats stats() {
    return namespace().stats();
  }
}
