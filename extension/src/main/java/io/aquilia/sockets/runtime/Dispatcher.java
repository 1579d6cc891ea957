package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.RoomState;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.StandardEvents;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one inbound frame of a connection: every frame gets its defined answer, and no failure
 * escapes to the container or closes the connection. {@link #dispatch} returns a future that
 * completes when the message is answered (for a streaming reply: when the stream has started),
 * which is what the connection's {@link InboundQueue} waits for in serial mode.
 */
final class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final LiveSocket socket;
  private final PayloadBinder binder;
  private final Executor streams;
  private final AtomicLong refused = new AtomicLong();

  Dispatcher(LiveSocket socket, PayloadBinder binder, Executor streams) {
    this.socket = socket;
    this.binder = binder;
    this.streams = streams;
  }

  CompletableFuture<Void> dispatch(RuntimeConnection conn, Frame frame) {
    SocketObserver observer = socket.observer();
    conn.countReceived();
    if (frame instanceof Frame.Malformed m) {
      observer.received(socket.name(), SafeObserver.UNKNOWN);
      replyError(conn, m.id(), m.event(), m.fault());
      return DONE;
    }
    Envelope e = ((Frame.Message) frame).envelope();
    String tag = socket.eventTag(e.event());
    observer.received(socket.name(), tag);
    switch (e.type()) {
      case EVENT -> {
        if (e.id() == null || observer == SocketObserver.NONE) {
          return event(conn, e);
        }
        long start = System.nanoTime();
        CompletableFuture<Void> handled = event(conn, e);
        handled.whenComplete(
            (v, x) -> observer.acknowledged(socket.name(), tag, System.nanoTime() - start));
        return handled;
      }
      case CONTROL -> control(conn, e);
      default ->
          replyError(
              conn,
              e.id(),
              e.event(),
              SocketFault.invalid(
                  "type '" + e.type().wireName() + "' is not accepted from clients"));
    }
    return DONE;
  }

  /** Answers a message the connection's inbound queue had no room for. */
  void refuseBusy(RuntimeConnection conn, Frame frame) {
    int capacity = socket.model().limits().inboundQueueSize();
    long n = refused.incrementAndGet();
    socket.delivery().refused().increment();
    socket.warnings().warn(LOG, Messages.inboundRejected(conn.id(), capacity, n));
    SocketFault busy =
        new SocketFault(
            FaultCode.WS_QUOTA_EXCEEDED,
            FaultCode.WS_QUOTA_EXCEEDED.defaultMessage()
                + ": too many messages waiting (limit: "
                + capacity
                + ")");
    if (frame instanceof Frame.Message m) {
      replyError(conn, m.envelope().id(), m.envelope().event(), busy);
    } else if (frame instanceof Frame.Malformed m) {
      replyError(conn, m.id(), m.event(), busy);
    }
  }

  /** Control messages: answered at once, outside the inbound queue. */
  void control(RuntimeConnection conn, Envelope e) {
    switch (e.event()) {
      case "ping" ->
          conn.sendText(socket.codec().control(MessageType.CONTROL, "pong", e.id(), e.payload()));
      case "pong" -> {}
      case StandardEvents.CANCEL -> {
        if (e.id() == null) {
          replyError(
              conn, null, e.event(), SocketFault.invalid("'cancel' needs the id of the stream"));
        } else {
          conn.cancelStream(e.id().toString());
        }
      }
      default ->
          replyError(
              conn,
              e.id(),
              e.event(),
              SocketFault.invalid("control events are 'ping', 'pong' and 'cancel'"));
    }
  }

  private CompletableFuture<Void> event(RuntimeConnection conn, Envelope e) {
    HandlerModel h = socket.model().events().get(e.event());
    try {
      if (h == null && isPresenceList(e)) {
        return presenceList(conn, e);
      }
      if (h == null && socket.recovery() != null && StandardEvents.ROOM_RECOVER.equals(e.event())) {
        return recover(conn, e);
      }
      if (h == null) {
        throw new SocketFault(
            FaultCode.WS_UNSUPPORTED_EVENT,
            FaultCode.WS_UNSUPPORTED_EVENT.defaultMessage() + ": " + e.event());
      }
      if (h.ackRequired() && e.id() == null) {
        throw SocketFault.invalid("event '" + e.event() + "' is acknowledged, so it needs an 'id'");
      }
      Object result = socket.protection().onMessage(conn, e, () -> handle(conn, e, h));
      if (h.kind() == HandlerKind.SUBSCRIBE || h.kind() == HandlerKind.UNSUBSCRIBE) {
        return roomRequest(conn, e, h.kind(), result);
      }
      if (result instanceof CompletionStage<?> stage) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        stage.whenComplete(
            (r, failure) -> {
              if (failure == null) {
                finish(conn, e, r);
              } else {
                fail(conn, e, unwrap(failure));
              }
              done.complete(null);
            });
        return done;
      }
      finish(conn, e, result);
    } catch (Throwable failure) {
      fail(conn, e, failure);
    }
    return DONE;
  }

  /**
   * The end of the middleware chain: guards and role checks, binding with the strict number rule
   * and Bean Validation, the {@code JOIN} guards of a subscribe, and the handler.
   */
  private Object handle(RuntimeConnection conn, Envelope e, HandlerModel h) throws Exception {
    try {
      socket.runGuards(conn, Guard.Stage.EVENT, e);
      Object payload =
          h.payloadType() == null
              ? null
              : binder.bind(e.event(), (JsonValue) e.payload(), h.payloadType(), h.groups());
      if (h.kind() == HandlerKind.SUBSCRIBE) {
        String room =
            e.payload() instanceof JsonObject o && o.get("room") instanceof JsonString s
                ? s.getString()
                : null;
        socket.runJoinGuards(conn, e, room);
      }
      return Invoker.call(socket.controller(), h, new Invocation(conn, e, payload, null));
    } catch (Exception | Error ex) {
      throw ex;
    } catch (Throwable t) {
      throw new java.lang.reflect.UndeclaredThrowableException(t);
    }
  }

  /** Answers a frame refused before dispatch (rate limit) with this fault. */
  void refuse(RuntimeConnection conn, Frame frame, SocketFault fault) {
    if (frame instanceof Frame.Message m) {
      replyError(conn, m.envelope().id(), m.envelope().event(), fault);
    } else {
      Frame.Malformed m = (Frame.Malformed) frame;
      replyError(conn, m.id(), m.event(), fault);
    }
  }

  private boolean isPresenceList(Envelope e) {
    return socket.model().rooms().presence() && StandardEvents.PRESENCE_LIST.equals(e.event());
  }

  /** {@code presence.list}: the state of a room the connection is in. */
  private CompletableFuture<Void> presenceList(RuntimeConnection conn, Envelope e)
      throws Throwable {
    if (e.id() == null) {
      throw SocketFault.invalid("event '" + e.event() + "' is acknowledged, so it needs an 'id'");
    }
    socket.runGuards(conn, Guard.Stage.EVENT, e);
    String room = roomOf(e, null);
    if (!conn.rooms().contains(room)) {
      throw new SocketFault(
          FaultCode.WS_NOT_SUBSCRIBED, FaultCode.WS_NOT_SUBSCRIBED.defaultMessage() + ": " + room);
    }
    return answer(conn, e, socket.roomIndex().state(room));
  }

  /**
   * {@code room.recover} of a recoverable socket: {@code {"room", "epoch", "offset"}}; the missed
   * events are replayed before the ack, whose data is a {@link io.aquilia.sockets.RoomRecovery}.
   */
  private CompletableFuture<Void> recover(RuntimeConnection conn, Envelope e) throws Throwable {
    if (e.id() == null) {
      throw SocketFault.invalid("event '" + e.event() + "' is acknowledged, so it needs an 'id'");
    }
    socket.runGuards(conn, Guard.Stage.EVENT, e);
    String room = roomOf(e, null);
    JsonObject p = (JsonObject) e.payload();
    String epoch = "";
    long offset = 0;
    if (p.containsKey("epoch") && !p.isNull("epoch")) {
      if (!(p.get("epoch") instanceof JsonString s)) {
        throw SocketFault.invalid("'epoch' must be a string");
      }
      epoch = s.getString();
    }
    if (p.containsKey("offset") && !p.isNull("offset")) {
      if (!(p.get("offset") instanceof jakarta.json.JsonNumber n)
          || !n.isIntegral()
          || n.longValue() < 0) {
        throw SocketFault.invalid("'offset' must be an integer >= 0");
      }
      offset = p.getJsonNumber("offset").longValue();
    }
    if (!conn.rooms().contains(room)) {
      throw new SocketFault(
          FaultCode.WS_NOT_SUBSCRIBED, FaultCode.WS_NOT_SUBSCRIBED.defaultMessage() + ": " + room);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    socket
        .recovery()
        .recover(conn, room, epoch, offset)
        .whenComplete(
            (r, failure) -> {
              if (failure == null) {
                replyOk(conn, e, r);
              } else {
                fail(conn, e, unwrap(failure));
              }
              done.complete(null);
            });
    return done;
  }

  /** After a {@code @Subscribe} / {@code @Unsubscribe} method: join or leave, then the ack. */
  private CompletableFuture<Void> roomRequest(
      RuntimeConnection conn, Envelope e, HandlerKind kind, Object result) {
    CompletionStage<?> value =
        result instanceof CompletionStage<?> s ? s : CompletableFuture.completedFuture(result);
    CompletableFuture<RoomState> state =
        value
            .toCompletableFuture()
            .thenCompose(
                r -> {
                  String room = roomOf(e, r);
                  return kind == HandlerKind.SUBSCRIBE
                      ? socket.roomIndex().join(conn, room, Rooms.Origin.REQUEST)
                      : socket.roomIndex().leave(conn, room, Rooms.Origin.REQUEST);
                });
    return answer(conn, e, state);
  }

  private CompletableFuture<Void> answer(
      RuntimeConnection conn, Envelope e, CompletionStage<RoomState> state) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    state.whenComplete(
        (s, failure) -> {
          if (failure == null) {
            replyOk(conn, e, s);
          } else {
            fail(conn, e, unwrap(failure));
          }
          done.complete(null);
        });
    return done;
  }

  /**
   * The room of a room request: the handler's result when it is a string, else the payload's {@code
   * room}; checked against the naming rule.
   */
  private static String roomOf(Envelope e, Object handlerResult) {
    String room;
    if (handlerResult instanceof CharSequence cs) {
      room = cs.toString();
    } else if (e.payload() instanceof JsonObject o && o.get("room") instanceof JsonString s) {
      room = s.getString();
    } else {
      throw SocketFault.invalid(
          "event '" + e.event() + "' needs a room: a payload {\"room\": \"<name>\"}");
    }
    RoomNames.problem(room)
        .ifPresent(
            why -> {
              throw SocketFault.invalid(why);
            });
    return room;
  }

  /** A handler's value: streamed, or acknowledged. */
  private void finish(RuntimeConnection conn, Envelope e, Object result) {
    if (StreamReply.isStream(result)) {
      StreamReply.start(conn, e, this, result, streams);
    } else {
      replyOk(conn, e, result);
    }
  }

  void replyOk(RuntimeConnection conn, Envelope e, Object result) {
    if (e.id() != null) {
      conn.sendText(socket.codec().ackOk(e.id(), e.event(), result));
    }
  }

  /** A streaming reply failed after it started: logged like a handler failure, then answered. */
  void streamFailed(RuntimeConnection conn, Envelope e, Throwable failure) {
    Throwable f = unwrap(failure);
    if (f instanceof SocketFault fault) {
      replyError(conn, e.id(), e.event(), fault);
      return;
    }
    LOG.log(Level.SEVERE, Messages.streamFailed(socket.name(), e.event(), conn.id()), f);
    replyError(conn, e.id(), e.event(), new SocketFault(FaultCode.WS_INTERNAL_ERROR));
  }

  private void fail(RuntimeConnection conn, Envelope e, Throwable failure) {
    if (failure instanceof SocketFault f) {
      replyError(conn, e.id(), e.event(), f);
      return;
    }
    LOG.log(Level.SEVERE, Messages.handlerFailed(socket.name(), e.event(), conn.id()), failure);
    replyError(conn, e.id(), e.event(), new SocketFault(FaultCode.WS_INTERNAL_ERROR));
  }

  void replyError(RuntimeConnection conn, Object id, String event, SocketFault fault) {
    socket.observer().failed(socket.name(), socket.eventTag(event), fault.code());
    String text =
        id != null
            ? socket.codec().ackError(id, event, fault)
            : socket.codec().errorEvent(event, fault);
    conn.sendText(text);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
