package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.RoomRecovery;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.spi.SocketAdapter;
import io.aquilia.sockets.spi.SocketAdapter.Offset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Publishing to, and recovering from, the rooms of a {@link io.aquilia.sockets.Recoverable} socket.
 * A publish first reserves the room's next offset from the adapter, then encodes the envelope once
 * with {@code meta.epoch} and {@code meta.offset}, delivers it to this server's members and hands
 * it to the adapter, which records it in the room's history and carries it to the other instances.
 * Publishes to one room are chained, so this server delivers them in order; at most {@value
 * #MAX_PENDING} may wait per socket (more fail with {@code WS_PUBLISH_FAILED}). When no offset can
 * be reserved (no history, or the store is unreachable) the envelope goes out without one.
 */
final class Recovery {

  private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

  /** The most publishes that may wait for their offset, per socket. */
  static final int MAX_PENDING = 1024;

  private final LiveSocket socket;
  private final Rooms rooms;
  private final SocketAdapter adapter;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> chains =
      new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();

  Recovery(LiveSocket socket, Rooms rooms, SocketAdapter adapter) {
    this.socket = socket;
    this.rooms = rooms;
    this.adapter = adapter;
  }

  /** Publishes to a room; returns how many of this server's members will receive it. */
  int publish(String room, String event, Object payload, String exclude) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      throw new SocketFault(
          FaultCode.WS_PUBLISH_FAILED,
          FaultCode.WS_PUBLISH_FAILED.defaultMessage()
              + ": too many publishes waiting for the history (limit: "
              + MAX_PENDING
              + ")");
    }
    int n = (int) rooms.localMembers(room).stream().filter(c -> !c.id().equals(exclude)).count();
    CompletableFuture<Void> step = new CompletableFuture<>();
    CompletableFuture<Void> previous = chains.put(room, step);
    (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
        .thenCompose(v -> reserve(room))
        .thenAccept(offset -> send(room, event, payload, exclude, offset))
        .whenComplete(
            (v, failure) -> {
              pending.decrementAndGet();
              chains.remove(room, step);
              if (failure != null) {
                LOG.warning(
                    Messages.adapterFailed("recoverable publish", socket.name(), room, failure));
              }
              step.complete(null);
            });
    return n;
  }

  private CompletableFuture<Offset> reserve(String room) {
    try {
      return adapter
          .reserve(socket.name(), room)
          .toCompletableFuture()
          .handle((offset, failure) -> failure == null ? offset : null);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private void send(String room, String event, Object payload, String exclude, Offset offset) {
    Map<String, Object> meta = new LinkedHashMap<>();
    if (offset != null) {
      // the room too: a client in several recoverable rooms keeps one position per room
      meta.put("epoch", offset.epoch());
      meta.put("offset", offset.offset());
      meta.put("room", room);
    }
    String text =
        socket.codec().encode(new Envelope(null, MessageType.EVENT, event, payload, meta, false));
    rooms.deliver(room, text, exclude);
    if (offset == null) {
      rooms.forward(room, text, exclude);
      return;
    }
    adapter
        .publish(socket.name(), room, text, exclude, offset)
        .whenComplete(
            (r, failure) -> {
              if (failure != null) {
                LOG.warning(Messages.adapterFailed("publish", socket.name(), room, failure));
              }
            });
  }

  /**
   * Replays to a connection the events of a room after its epoch and offset, then completes with
   * the answer for the ack.
   */
  CompletableFuture<RoomRecovery> recover(
      RuntimeConnection conn, String room, String epoch, long offset) {
    return adapter
        .history(socket.name(), room, new Offset(epoch, offset))
        .toCompletableFuture()
        .handle(
            (h, failure) -> {
              if (failure != null) {
                LOG.warning(Messages.adapterFailed("history", socket.name(), room, failure));
                return new RoomRecovery(room, false, "", 0, 0);
              }
              if (h.recovered()) {
                h.texts().forEach(conn::sendText);
              }
              return new RoomRecovery(
                  room,
                  h.recovered(),
                  h.current().epoch(),
                  h.current().offset(),
                  h.recovered() ? h.texts().size() : 0);
            });
  }
}
