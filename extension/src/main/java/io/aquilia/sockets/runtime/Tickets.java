package io.aquilia.sockets.runtime;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Admissions decided before the upgrade, waiting for their connection to open, keyed by the
 * handshake's {@code Sec-WebSocket-Key}. A ticket not claimed within {@link #TTL_MILLIS} (the
 * upgrade failed after the door) is dropped and its slot released. Bounded: beyond {@link #MAX}
 * waiting tickets new handshakes are refused.
 */
final class Tickets {

  static final long TTL_MILLIS = 30_000;
  static final int MAX = 10_000;

  private record Ticket(Admission admission, long expires) {}

  private final Map<String, Ticket> waiting = new ConcurrentHashMap<>();
  private final Consumer<Admission> expired;

  Tickets(Consumer<Admission> expired) {
    this.expired = expired;
  }

  /** Stores a ticket; false if the key is already waiting or the store is full. */
  boolean put(String key, Admission admission, long nowMillis) {
    sweep(nowMillis);
    if (waiting.size() >= MAX) {
      return false;
    }
    return waiting.putIfAbsent(key, new Ticket(admission, nowMillis + TTL_MILLIS)) == null;
  }

  /** Takes the ticket of a handshake key, or null. */
  Admission claim(String key) {
    Ticket t = key == null ? null : waiting.remove(key);
    return t == null ? null : t.admission();
  }

  boolean claimable(String key) {
    return waiting.containsKey(key);
  }

  int size() {
    return waiting.size();
  }

  void sweep(long nowMillis) {
    for (Iterator<Map.Entry<String, Ticket>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Ticket> e = it.next();
      if (e.getValue().expires() < nowMillis && waiting.remove(e.getKey(), e.getValue())) {
        expired.accept(e.getValue().admission());
      }
    }
  }
}
