package io.aquilia.sockets.runtime;

import io.aquilia.sockets.spi.SocketAdapter.History;
import io.aquilia.sockets.spi.SocketAdapter.Offset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The histories of the recoverable rooms of one server, for the in-memory adapter: per room the
 * last {@link #PER_ROOM} events with their offsets, under an epoch chosen when the room's history
 * starts (so offsets from before a restart never match). Bounded twice: per room, and in the number
 * of rooms kept ({@link #ROOMS}, least recently used first out). Thread-safe by one lock: every
 * operation is a few map and deque steps.
 */
final class MemoryHistory {

  /** Events kept per room. */
  static final int PER_ROOM = 500;

  /** Rooms whose history is kept; the least recently used goes first. */
  static final int ROOMS = 2_000;

  private record Key(String namespace, String room) {}

  private record Entry(long offset, String text) {}

  private static final class Room {
    final String epoch = UUID.randomUUID().toString().substring(0, 8);
    long last;
    final ArrayDeque<Entry> entries = new ArrayDeque<>();
  }

  private final int perRoom;
  private final Map<Key, Room> rooms;

  MemoryHistory() {
    this(PER_ROOM, ROOMS);
  }

  MemoryHistory(int perRoom, int maxRooms) {
    this.perRoom = perRoom;
    this.rooms =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Room> eldest) {
            return size() > maxRooms;
          }
        };
  }

  /** Reserves the next offset of a room (its history starts here if it had none). */
  synchronized Offset reserve(String namespace, String room) {
    Room r = rooms.computeIfAbsent(new Key(namespace, room), k -> new Room());
    r.last++;
    return new Offset(r.epoch, r.last);
  }

  /** Keeps an event under its reserved offset; one from another epoch is ignored. */
  synchronized void record(String namespace, String room, Offset offset, String text) {
    Room r = rooms.get(new Key(namespace, room));
    if (r == null || !r.epoch.equals(offset.epoch())) {
      return;
    }
    r.entries.addLast(new Entry(offset.offset(), text));
    while (r.entries.size() > perRoom) {
      r.entries.removeFirst();
    }
  }

  /** The events after {@code since}, or "not recovered" when some are gone. */
  synchronized History since(String namespace, String room, Offset since) {
    Room r = rooms.get(new Key(namespace, room));
    if (r == null) {
      return new History(false, new Offset("", 0), List.of());
    }
    Offset current = new Offset(r.epoch, r.last);
    boolean sameEpoch = r.epoch.equals(since.epoch());
    if (!sameEpoch || since.offset() > r.last) {
      return new History(false, current, List.of());
    }
    long oldest = r.entries.isEmpty() ? r.last + 1 : r.entries.peekFirst().offset();
    if (since.offset() + 1 < oldest) {
      return new History(false, current, List.of()); // trimmed
    }
    List<String> texts = new ArrayList<>();
    long expected = since.offset() + 1;
    for (Entry e : r.entries) {
      if (e.offset() > since.offset()) {
        if (e.offset() != expected) {
          return new History(false, current, List.of()); // an event was never recorded
        }
        texts.add(e.text());
        expected++;
      }
    }
    // an offset reserved but not recorded yet is being delivered live right now
    return new History(true, new Offset(r.epoch, expected - 1), texts);
  }

  /** Forgets everything (the adapter closes). */
  synchronized void clear() {
    rooms.clear();
  }
}
