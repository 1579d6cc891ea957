package io.aquilia.sockets.redisson;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RScript;

/**
 * The histories of recoverable rooms: an offset counter, an epoch and a capped stream per room (see
 * {@link Keys}). A room that had a publish without an offset (Redis was away) gets a new epoch once
 * Redis is back, so that recovering across the gap answers "not recovered".
 */
final class RedisHistory {

  private final RedisCalls calls;
  private final Keys keys;
  private final int size;
  private final Set<String> gaps = ConcurrentHashMap.newKeySet();

  RedisHistory(RedisCalls calls, Keys keys, int size) {
    this.calls = calls;
    this.keys = keys;
    this.size = size;
  }

  /** Reserves the next offset: {@code [epoch, offset]}; fails while Redis is not reachable. */
  CompletionStage<Map.Entry<String, Long>> reserve(String ns, String room) {
    if (!calls.isUp()) {
      gaps.add(Keys.roomEntry(ns, room, ""));
      return CompletableFuture.failedFuture(new IllegalStateException("Redis is not reachable"));
    }
    CompletionStage<List<Object>> r =
        calls.script(
            keys.sequence(ns, room),
            Scripts.RESERVE,
            RScript.ReturnType.LIST,
            List.of(keys.sequence(ns, room), keys.stream(ns, room), keys.epoch(ns, room)),
            UUID.randomUUID().toString().substring(0, 8));
    return r.<Map.Entry<String, Long>>thenApply(
            l -> Map.entry(String.valueOf(l.get(0)), Long.parseLong(String.valueOf(l.get(1)))))
        .whenComplete(
            (v, failure) -> {
              if (failure != null) {
                gaps.add(Keys.roomEntry(ns, room, ""));
              }
            });
  }

  /** Appends an envelope with its reserved offset to the room's capped stream. */
  CompletionStage<Long> append(String ns, String room, String text, long offset) {
    return calls.track(
        calls.script(
            keys.stream(ns, room),
            Scripts.APPEND,
            RScript.ReturnType.LONG,
            List.of(keys.stream(ns, room)),
            Long.toString(offset),
            text,
            Integer.toString(size)));
  }

  /** The envelopes after {@code offset} in {@code epoch}, or "not recovered". */
  CompletionStage<History> history(String ns, String room, String epoch, long offset) {
    if (!calls.isUp()) {
      return CompletableFuture.completedFuture(new History(false, "", 0, List.of()));
    }
    CompletionStage<List<Object>> r =
        calls.script(
            keys.sequence(ns, room),
            Scripts.HISTORY,
            RScript.ReturnType.LIST,
            List.of(keys.sequence(ns, room), keys.stream(ns, room), keys.epoch(ns, room)));
    return r.thenApply(l -> History.of(l, epoch, offset));
  }

  /** Starts a new epoch for every room with a gap (called when Redis answers again). */
  void closeGaps() {
    for (String gap : List.copyOf(gaps)) {
      String[] p = gap.split("\n", 3);
      calls
          .client()
          .getKeys()
          .deleteAsync(keys.epoch(p[0], p[1]), keys.sequence(p[0], p[1]), keys.stream(p[0], p[1]))
          .whenComplete(
              (n, failure) -> {
                if (failure == null) {
                  gaps.remove(gap);
                }
              });
    }
  }

  boolean hasGaps() {
    return !gaps.isEmpty();
  }
}
