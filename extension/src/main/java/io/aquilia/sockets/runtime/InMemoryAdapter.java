package io.aquilia.sockets.runtime;

import io.aquilia.sockets.spi.SocketAdapter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default adapter: membership and presence of one server, in memory. Every operation completes
 * before it returns. Each room is a concurrent map from presence key to an immutable entry, changed
 * only inside {@link ConcurrentHashMap#compute} on the room (so the changes of one room are serial
 * and an empty room is removed) and read without locks: a join or leave costs the same in a room of
 * ten as in a room of ten thousand (copying the room on each change made a room's setup O(N^2)).
 * There are no other instances, so {@link #publish} has nothing to do. The rooms of {@link
 * io.aquilia.sockets.Recoverable} sockets keep a bounded history here ({@link MemoryHistory}: the
 * last 500 events of up to 2,000 rooms), so a client that lost its connection to this server
 * recovers what it missed; a restart starts new epochs (answered "not recovered").
 */
public final class InMemoryAdapter implements SocketAdapter {

  private record RoomId(String namespace, String room) {}

  private final ConcurrentHashMap<RoomId, Map<String, PresenceEntry>> rooms =
      new ConcurrentHashMap<>();
  private final MemoryHistory history = new MemoryHistory();

  @Override
  public CompletionStage<Void> start(Delivery delivery) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Change> join(String namespace, String room, Member member) {
    Change[] change = new Change[1];
    rooms.compute(
        new RoomId(namespace, room),
        (id, entries) -> {
          Map<String, PresenceEntry> m = entries == null ? new ConcurrentHashMap<>() : entries;
          PresenceEntry before = m.get(member.key());
          Set<String> conns = new HashSet<>();
          if (before != null) {
            conns.addAll(before.connections());
          }
          boolean added = conns.add(member.connectionId());
          PresenceEntry after = new PresenceEntry(member.key(), member.meta(), conns);
          m.put(member.key(), after);
          change[0] = new Change(added, before, after);
          return m;
        });
    return CompletableFuture.completedFuture(change[0]);
  }

  @Override
  public CompletionStage<Change> leave(String namespace, String room, Member member) {
    Change[] change = {new Change(false, null, null)};
    rooms.computeIfPresent(
        new RoomId(namespace, room),
        (id, entries) -> {
          PresenceEntry before = entries.get(member.key());
          if (before == null || !before.connections().contains(member.connectionId())) {
            change[0] = new Change(false, before, before);
            return entries;
          }
          Set<String> conns = new HashSet<>(before.connections());
          conns.remove(member.connectionId());
          PresenceEntry after =
              conns.isEmpty() ? null : new PresenceEntry(before.key(), before.meta(), conns);
          if (after == null) {
            entries.remove(member.key());
          } else {
            entries.put(member.key(), after);
          }
          change[0] = new Change(true, before, after);
          return entries.isEmpty() ? null : entries;
        });
    return CompletableFuture.completedFuture(change[0]);
  }

  @Override
  public CompletionStage<List<PresenceEntry>> members(String namespace, String room) {
    Map<String, PresenceEntry> entries = rooms.get(new RoomId(namespace, room));
    return CompletableFuture.completedFuture(
        entries == null ? List.of() : List.copyOf(entries.values()));
  }

  @Override
  public CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Offset> reserve(String namespace, String room) {
    return CompletableFuture.completedFuture(history.reserve(namespace, room));
  }

  @Override
  public CompletionStage<Void> publish(
      String namespace, String room, String text, String excludeConnectionId, Offset offset) {
    history.record(namespace, room, offset, text);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<History> history(String namespace, String room, Offset since) {
    return CompletableFuture.completedFuture(history.since(namespace, room, since));
  }

  /** Number of non-empty rooms, all namespaces together. */
  int size() {
    return rooms.size();
  }

  @Override
  public void close() {
    rooms.clear();
    history.clear();
  }

  @Override
  public String name() {
    return "in-memory";
  }
}
