package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.SocketFault;
import jakarta.json.JsonValue;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one inbound frame of a connection: every frame gets its defined answer, and no failure
 * escapes to the container or closes the connection.
 */
final class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final LiveSocket socket;
  private final PayloadBinder binder;

  Dispatcher(LiveSocket socket, PayloadBinder binder) {
    this.socket = socket;
    this.binder = binder;
  }

  void dispatch(RuntimeConnection conn, Frame frame) {
    if (frame instanceof Frame.Malformed m) {
      replyError(conn, m.id(), m.event(), m.fault());
      return;
    }
    Envelope e = ((Frame.Message) frame).envelope();
    switch (e.type()) {
      case EVENT -> event(conn, e);
      case CONTROL -> control(conn, e);
      default ->
          replyError(
              conn,
              e.id(),
              e.event(),
              SocketFault.invalid(
                  "type '" + e.type().wireName() + "' is not accepted from clients"));
    }
  }

  private void control(RuntimeConnection conn, Envelope e) {
    switch (e.event()) {
      case "ping" ->
          conn.sendText(socket.codec().control(MessageType.CONTROL, "pong", e.id(), e.payload()));
      case "pong" -> {}
      default ->
          replyError(
              conn, e.id(), e.event(), SocketFault.invalid("control events are 'ping' and 'pong'"));
    }
  }

  private void event(RuntimeConnection conn, Envelope e) {
    HandlerModel h = socket.model().events().get(e.event());
    try {
      if (h == null) {
        throw new SocketFault(
            FaultCode.WS_UNSUPPORTED_EVENT,
            FaultCode.WS_UNSUPPORTED_EVENT.defaultMessage() + ": " + e.event());
      }
      if (h.ackRequired() && e.id() == null) {
        throw SocketFault.invalid("event '" + e.event() + "' is acknowledged, so it needs an 'id'");
      }
      Object result = socket.protection().onMessage(conn, e, () -> handle(conn, e, h));
      if (result instanceof CompletionStage<?> stage) {
        stage.whenComplete(
            (r, failure) -> {
              if (failure == null) {
                replyOk(conn, e, r);
              } else {
                fail(conn, e, unwrap(failure));
              }
            });
        return;
      }
      replyOk(conn, e, result);
    } catch (Throwable failure) {
      fail(conn, e, failure);
    }
  }

  /** Guards, binding with validation, and the handler: the end of the middleware chain. */
  private Object handle(RuntimeConnection conn, Envelope e, HandlerModel h) throws Exception {
    try {
      socket.runGuards(conn, Guard.Stage.EVENT, e);
      Object payload =
          h.payloadType() == null
              ? null
              : binder.bind(e.event(), (JsonValue) e.payload(), h.payloadType(), h.groups());
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

  private void replyOk(RuntimeConnection conn, Envelope e, Object result) {
    if (e.id() != null) {
      conn.sendText(socket.codec().ackOk(e.id(), e.event(), result));
    }
  }

  private void fail(RuntimeConnection conn, Envelope e, Throwable failure) {
    if (failure instanceof SocketFault f) {
      replyError(conn, e.id(), e.event(), f);
      return;
    }
    if (failure instanceof Error err && !(failure instanceof StackOverflowError)) {
      LOG.log(Level.SEVERE, Messages.handlerFailed(socket.name(), e.event(), conn.id()), err);
    } else {
      LOG.log(Level.SEVERE, Messages.handlerFailed(socket.name(), e.event(), conn.id()), failure);
    }
    replyError(conn, e.id(), e.event(), new SocketFault(FaultCode.WS_INTERNAL_ERROR));
  }

  void replyError(RuntimeConnection conn, Object id, String event, SocketFault fault) {
    String text =
        id != null
            ? socket.codec().ackError(id, event, fault)
            : socket.codec().errorEvent(event, fault);
    conn.sendText(text);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof java.util.concurrent.CompletionException
            || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
