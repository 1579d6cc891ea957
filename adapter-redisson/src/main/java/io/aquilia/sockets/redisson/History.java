package io.aquilia.sockets.redisson;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The answer to a recovery request: the missed envelopes in offset order, or "not recovered".
 *
 * @param recovered whether {@code envelopes} holds every message after the requested offset
 * @param epoch the room's current epoch (offsets of another epoch are never recoverable)
 * @param offset the room's last offset
 * @param envelopes the missed envelopes, oldest first (empty when not recovered)
 */
public record History(boolean recovered, String epoch, long offset, List<String> envelopes) {

  /** Copies the list. */
  public History {
    envelopes = List.copyOf(envelopes);
  }

  /**
   * Reads the HISTORY script's answer {@code [epoch, last, o1, t1, ...]} for a client that last saw
   * {@code offset} of {@code epoch}.
   */
  static History of(List<Object> raw, String epoch, long offset) {
    String current = String.valueOf(raw.get(0));
    long last = Long.parseLong(String.valueOf(raw.get(1)));
    TreeMap<Long, String> entries = new TreeMap<>();
    for (int i = 2; i + 1 < raw.size(); i += 2) {
      entries.put(Long.parseLong(String.valueOf(raw.get(i))), String.valueOf(raw.get(i + 1)));
    }
    if (offset == last && (current.equals(epoch) || last == 0)) {
      return new History(true, current, last, List.of());
    }
    boolean sameEpoch = current.equals(epoch);
    boolean complete =
        sameEpoch && offset < last && !entries.isEmpty() && entries.firstKey() <= offset + 1;
    if (!complete) {
      return new History(false, current, last, List.of());
    }
    return new History(
        true, current, last, new ArrayList<>(entries.tailMap(offset, false).values()));
  }
}
