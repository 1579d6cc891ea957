package io.aquilia.sockets.redisson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Room membership and presence as stored in Redis (see {@link Keys}): adding and removing a
 * connection (atomic scripts that answer the presence key's state before and after), reading a
 * room's members on live instances, and removing every entry of an instance.
 */
final class RoomPresence {

  private static final Logger LOG = Logger.getLogger(RoomPresence.class.getName());

  /** Receives the presence changes of entries removed on behalf of an instance. */
  interface Report {
    void changed(String ns, String room, PresenceDelta delta);
  }

  private final RedisCalls calls;
  private final Keys keys;
  private final String self;

  RoomPresence(RedisCalls calls, Keys keys, String self) {
    this.calls = calls;
    this.keys = keys;
    this.self = self;
  }

  /** Adds (or updates the metadata of) this instance's connection in a room. */
  CompletionStage<PresenceDelta> add(
      String ns, String room, String connectionId, String key, String meta) {
    calls
        .client()
        .getSet(keys.instanceRooms(self), StringCodec.INSTANCE)
        .addAsync(Keys.roomEntry(ns, room, connectionId))
        .exceptionally(calls::logged);
    CompletionStage<List<Object>> r =
        calls.script(
            keys.members(ns, room),
            Scripts.JOIN,
            RScript.ReturnType.LIST,
            List.of(
                keys.members(ns, room), keys.metas(ns, room), keys.keyConnections(ns, room, key)),
            Keys.field(self, connectionId),
            key,
            meta == null ? "" : meta,
            meta == null ? "0" : "1");
    return r.thenApply(l -> PresenceDelta.fromScript(l, key));
  }

  /** Removes this instance's connection from a room. */
  CompletionStage<PresenceDelta> remove(String ns, String room, String connectionId, String key) {
    calls
        .client()
        .getSet(keys.instanceRooms(self), StringCodec.INSTANCE)
        .removeAsync(Keys.roomEntry(ns, room, connectionId))
        .exceptionally(calls::logged);
    return removeField(ns, room, Keys.field(self, connectionId), key);
  }

  private CompletionStage<PresenceDelta> removeField(
      String ns, String room, String field, String key) {
    CompletionStage<List<Object>> r =
        calls.script(
            keys.members(ns, room),
            Scripts.LEAVE,
            RScript.ReturnType.LIST,
            List.of(
                keys.members(ns, room), keys.metas(ns, room), keys.keyConnections(ns, room, key)),
            field,
            key);
    return r.thenApply(l -> PresenceDelta.fromScript(l, key));
  }

  /** The members of a room on live instances, grouped by key and sorted by key. */
  CompletionStage<List<PresenceState>> members(String ns, String room) {
    CompletionStage<List<Object>> live =
        calls.script(
            keys.instances(), Scripts.LIVE, RScript.ReturnType.LIST, List.of(keys.instances()));
    CompletionStage<Map<String, String>> fields =
        calls
            .client()
            .<String, String>getMap(keys.members(ns, room), StringCodec.INSTANCE)
            .readAllMapAsync();
    CompletionStage<Map<String, String>> metas =
        calls
            .client()
            .<String, String>getMap(keys.metas(ns, room), StringCodec.INSTANCE)
            .readAllMapAsync();
    return live.thenCombine(fields, Map::entry)
        .thenCombine(
            metas,
            (af, meta) -> {
              Set<String> up = new HashSet<>();
              af.getKey().forEach(a -> up.add(String.valueOf(a)));
              up.add(self);
              Map<String, Set<String>> byKey = new TreeMap<>();
              af.getValue()
                  .forEach(
                      (field, key) -> {
                        int bar = field.indexOf('|');
                        if (up.contains(field.substring(0, Math.max(0, bar)))) {
                          byKey
                              .computeIfAbsent(key, k -> new HashSet<>())
                              .add(field.substring(bar + 1));
                        }
                      });
              List<PresenceState> out = new ArrayList<>();
              byKey.forEach((k, c) -> out.add(new PresenceState(k, meta.get(k), c)));
              return out;
            });
  }

  /**
   * Removes every entry an instance registered (a dead one, or this one at close), reports each
   * presence change, then deletes the instance's index sets.
   */
  CompletionStage<Void> removeInstance(String instance, Report report, boolean dead) {
    return calls
        .client()
        .<String>getSet(keys.instanceRooms(instance), StringCodec.INSTANCE)
        .readAllAsync()
        .thenCompose(entries -> removeEntries(instance, entries, report, dead));
  }

  private CompletionStage<Void> removeEntries(
      String instance, Set<String> entries, Report report, boolean dead) {
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (String entry : entries) {
      String[] p = entry.split("\n", 3);
      if (p.length != 3) {
        continue;
      }
      String field = Keys.field(instance, p[2]);
      all.add(
          calls
              .client()
              .<String, String>getMap(keys.members(p[0], p[1]), StringCodec.INSTANCE)
              .getAsync(field)
              .thenCompose(
                  key ->
                      key == null
                          ? CompletableFuture.completedFuture(null)
                          : removeField(p[0], p[1], field, key)
                              .thenAccept(
                                  d -> {
                                    if (d.changed()) {
                                      report.changed(p[0], p[1], d);
                                    }
                                  }))
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenCompose(
            v -> {
              if (dead) {
                LOG.info(Messages.swept(instance, entries.size()));
              }
              return calls
                  .client()
                  .getKeys()
                  .deleteAsync(keys.instanceRooms(instance), keys.instanceConnections(instance));
            })
        .thenApply(n -> null);
  }
}
