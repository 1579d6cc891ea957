package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.PresenceChange;
import io.aquilia.sockets.PresenceMember;
import io.aquilia.sockets.RoomRef;
import io.aquilia.sockets.RoomState;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.StandardEvents;
import io.aquilia.sockets.spi.SocketAdapter;
import io.aquilia.sockets.spi.SocketAdapter.Change;
import io.aquilia.sockets.spi.SocketAdapter.Member;
import io.aquilia.sockets.spi.SocketAdapter.PresenceEntry;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rooms of one socket. Local delivery uses an index of this server's members (room to
 * connections), updated at once; membership and presence are recorded through the {@link
 * SocketAdapter}, in order per connection. Presence changes are published to the room as {@code
 * presence.join}, {@code presence.update} and {@code presence.leave}.
 */
final class Rooms {

  private static final Logger LOG = Logger.getLogger(Rooms.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Who asked for a join or leave, which decides how the connection is told. */
  enum Origin {
    /** A client's {@code room.join} / {@code room.leave}: the ack tells it. */
    REQUEST,
    /** Application code or the automatic path room: {@code room.joined} / {@code room.left}. */
    SERVER,
    /** The connection ended: nobody is told but the room. */
    DISCONNECT
  }

  private final LiveSocket socket;
  private final SocketAdapter adapter;
  private final boolean presence;
  private final ConcurrentHashMap<String, Set<RuntimeConnection>> local = new ConcurrentHashMap<>();

  Rooms(LiveSocket socket, SocketAdapter adapter, boolean presence) {
    this.socket = socket;
    this.adapter = adapter;
    this.presence = presence;
  }

  /** Queues encoded text for this server's members of a room; returns how many. */
  int deliver(String room, String text, String excludeConnectionId) {
    Set<RuntimeConnection> members = local.get(room);
    if (members == null) {
      return 0;
    }
    return socket.queueToAll(members, text, excludeConnectionId);
  }

  /** Delivers locally, then hands the text to the adapter for the other servers. */
  int publish(String room, String text, String excludeConnectionId) {
    int n = deliver(room, text, excludeConnectionId);
    forward(room, text, excludeConnectionId);
    return n;
  }

  /** Hands text to the adapter for the other servers ({@code room == null}: the namespace). */
  void forward(String room, String text, String excludeConnectionId) {
    try {
      adapter
          .publish(socket.name(), room, text, excludeConnectionId)
          .whenComplete(
              (r, failure) -> {
                if (failure != null) {
                  LOG.warning(Messages.adapterFailed("publish", socket.name(), room, failure));
                }
              });
    } catch (RuntimeException e) {
      LOG.warning(Messages.adapterFailed("publish", socket.name(), room, e));
    }
  }

  /** The rooms with a member on this server. */
  Set<String> names() {
    return Set.copyOf(local.keySet());
  }

  /**
   * Joins a room. For a request, the future holds the room's state for the ack, or fails with
   * {@code WS_ALREADY_SUBSCRIBED}; otherwise the connection gets {@code room.joined}.
   */
  CompletableFuture<RoomState> join(RuntimeConnection c, String room, Origin origin) {
    if (!c.addRoom(room)) {
      return origin == Origin.REQUEST
          ? CompletableFuture.failedFuture(fault(FaultCode.WS_ALREADY_SUBSCRIBED, room))
          : CompletableFuture.completedFuture(null);
    }
    return joined(c, room, origin);
  }

  /** A join by application code; false if the connection was already in the room. */
  boolean joinByServer(RuntimeConnection c, String room) {
    if (!c.addRoom(room)) {
      return false;
    }
    joined(c, room, Origin.SERVER);
    return true;
  }

  private CompletableFuture<RoomState> joined(RuntimeConnection c, String room, Origin origin) {
    addLocal(c, room);
    if (!c.isOpen()) {
      // closed meanwhile: the disconnect may not have seen this room
      if (c.removeRoom(room)) {
        removeLocal(c, room);
      }
      return CompletableFuture.completedFuture(null);
    }
    Member member = member(c);
    CompletableFuture<RoomState> result =
        c.lane(() -> adapter.join(socket.name(), room, member))
            .handle(
                (change, failure) -> {
                  if (failure != null) {
                    if (c.removeRoom(room)) {
                      removeLocal(c, room);
                    }
                    throw adapterFault("join", room, failure);
                  }
                  announce(room, change);
                  return change;
                })
            .thenCompose(change -> state(room));
    if (origin == Origin.SERVER) {
      result.whenComplete(
          (state, failure) -> {
            if (state != null) {
              c.send(StandardEvents.ROOM_JOINED, state);
            }
          });
    }
    return result;
  }

  /**
   * Leaves a room. For a request, the future holds the room's remaining state, or fails with {@code
   * WS_NOT_SUBSCRIBED}; for the server, the connection gets {@code room.left}.
   */
  CompletableFuture<RoomState> leave(RuntimeConnection c, String room, Origin origin) {
    if (!c.removeRoom(room)) {
      return origin == Origin.REQUEST
          ? CompletableFuture.failedFuture(fault(FaultCode.WS_NOT_SUBSCRIBED, room))
          : CompletableFuture.completedFuture(null);
    }
    return left(c, room, origin);
  }

  /** A leave by application code; false if the connection was not in the room. */
  boolean leaveByServer(RuntimeConnection c, String room) {
    if (!c.removeRoom(room)) {
      return false;
    }
    left(c, room, Origin.SERVER);
    return true;
  }

  private CompletableFuture<RoomState> left(RuntimeConnection c, String room, Origin origin) {
    removeLocal(c, room);
    if (origin == Origin.SERVER) {
      c.send(StandardEvents.ROOM_LEFT, new RoomRef(room));
    }
    Member member = member(c);
    CompletableFuture<Change> left =
        c.lane(() -> adapter.leave(socket.name(), room, member))
            .handle(
                (change, failure) -> {
                  if (failure != null) {
                    throw adapterFault("leave", room, failure);
                  }
                  announce(room, change);
                  return change;
                });
    if (origin != Origin.REQUEST) {
      return left.handle((change, failure) -> null);
    }
    return left.thenCompose(change -> state(room));
  }

  /** Leaves every room of the connection; returns how many. */
  int leaveAll(RuntimeConnection c, Origin origin) {
    int n = 0;
    for (String room : c.rooms()) {
      if (c.removeRoom(room)) {
        left(c, room, origin);
        n++;
      }
    }
    return n;
  }

  /** Records the connection's new presence metadata in each of its rooms. */
  void metaChanged(RuntimeConnection c) {
    if (!presence) {
      return;
    }
    for (String room : c.rooms()) {
      Member member = member(c);
      c.lane(() -> adapter.join(socket.name(), room, member))
          .whenComplete(
              (change, failure) -> {
                if (failure != null) {
                  LOG.warning(Messages.adapterFailed("join", socket.name(), room, failure));
                } else if (c.rooms().contains(room)) {
                  announce(room, change);
                }
              });
    }
  }

  /** The room as its members see it. */
  CompletableFuture<RoomState> state(String room) {
    return members(room).thenApply(entries -> stateOf(room, entries));
  }

  /**
   * The count of connections and the first {@value RoomState#MEMBER_LIST_LIMIT} ids in order, kept
   * in a bounded heap: O(N) for a room of N, not a sort of every id on every join.
   */
  private RoomState stateOf(String room, List<PresenceEntry> entries) {
    int count = 0;
    PriorityQueue<String> first = new PriorityQueue<>(Comparator.reverseOrder());
    for (PresenceEntry e : entries) {
      for (String id : e.connections()) {
        count++;
        if (first.size() < RoomState.MEMBER_LIST_LIMIT) {
          first.add(id);
        } else if (id.compareTo(first.peek()) < 0) {
          first.poll();
          first.add(id);
        }
      }
    }
    List<String> ids = new ArrayList<>(first);
    Collections.sort(ids);
    return new RoomState(room, count, ids, presence ? presenceOf(entries) : null);
  }

  /** The presence members of a room, sorted by key. */
  CompletableFuture<List<PresenceMember>> presence(String room) {
    return members(room).thenApply(Rooms::presenceOf);
  }

  /** The connection ids in a room. */
  CompletableFuture<Set<String>> memberIds(String room) {
    return members(room)
        .thenApply(
            entries -> {
              TreeSet<String> ids = new TreeSet<>();
              entries.forEach(e -> ids.addAll(e.connections()));
              return Set.copyOf(ids);
            });
  }

  private CompletableFuture<List<PresenceEntry>> members(String room) {
    try {
      return adapter
          .members(socket.name(), room)
          .toCompletableFuture()
          .handle(
              (entries, failure) -> {
                if (failure != null) {
                  throw adapterFault("members", room, failure);
                }
                return entries;
              });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(adapterFault("members", room, e));
    }
  }

  private static List<PresenceMember> presenceOf(List<PresenceEntry> entries) {
    List<PresenceMember> out = new ArrayList<>();
    for (PresenceEntry e : entries) {
      out.add(new PresenceMember(e.key(), parse(e.meta()), e.connections().size()));
    }
    out.sort((a, b) -> a.key().compareTo(b.key()));
    return List.copyOf(out);
  }

  /** Room memberships of this server's connections (one per connection and room). */
  int memberships() {
    int n = 0;
    for (Set<RuntimeConnection> members : local.values()) {
      n += members.size();
    }
    return n;
  }

  /** This server's members of a room. */
  List<RuntimeConnection> localMembers(String room) {
    Set<RuntimeConnection> members = local.get(room);
    return members == null ? List.of() : List.copyOf(members);
  }

  /**
   * Publishes the presence event for one change, if it changed anything visible; also for changes a
   * cluster adapter reports (members of a dead instance).
   */
  void announce(String room, Change change) {
    if (!presence || change == null) {
      return;
    }
    PresenceEntry before = change.before();
    PresenceEntry after = change.after();
    String event;
    PresenceMember member;
    if (before == null && after != null) {
      event = StandardEvents.PRESENCE_JOIN;
      member = new PresenceMember(after.key(), parse(after.meta()), after.connections().size());
    } else if (before != null && after == null) {
      event = StandardEvents.PRESENCE_LEAVE;
      member = new PresenceMember(before.key(), parse(before.meta()), 0);
    } else if (before != null
        && (!java.util.Objects.equals(before.meta(), after.meta())
            || before.connections().size() != after.connections().size())) {
      event = StandardEvents.PRESENCE_UPDATE;
      member = new PresenceMember(after.key(), parse(after.meta()), after.connections().size());
    } else {
      return;
    }
    String text = socket.codec().encode(Envelope.event(event, new PresenceChange(room, member)));
    publish(room, text, null);
  }

  private Member member(RuntimeConnection c) {
    return presence
        ? new Member(c.id(), c.presenceKey(), c.presenceMetaJson())
        : new Member(c.id(), c.id(), null);
  }

  private void addLocal(RuntimeConnection c, String room) {
    local.compute(
        room,
        (k, set) -> {
          Set<RuntimeConnection> s = set == null ? ConcurrentHashMap.newKeySet() : set;
          s.add(c);
          return s;
        });
  }

  private void removeLocal(RuntimeConnection c, String room) {
    local.computeIfPresent(
        room,
        (k, set) -> {
          set.remove(c);
          return set.isEmpty() ? null : set;
        });
  }

  private RuntimeException adapterFault(String operation, String room, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof SocketFault f) {
      return f;
    }
    LOG.log(Level.WARNING, Messages.adapterFailed(operation, socket.name(), room, cause), cause);
    return new SocketFault(
        FaultCode.WS_ADAPTER_UNAVAILABLE,
        FaultCode.WS_ADAPTER_UNAVAILABLE.defaultMessage() + ": " + operation + " failed");
  }

  private static SocketFault fault(FaultCode code, String room) {
    return new SocketFault(code, code.defaultMessage() + ": " + room);
  }

  static JsonValue parse(String json) {
    if (json == null) {
      return JsonValue.NULL;
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
