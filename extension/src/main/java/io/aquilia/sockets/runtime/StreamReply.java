package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.StandardEvents;
import io.aquilia.sockets.StreamEnd;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A streaming reply: the items of a {@link Stream} or {@link Flow.Publisher} returned by a handler
 * go out as {@code <event>.chunk} events carrying the request's id, then {@code <event>.end} with
 * the count, then the ack. A failure ends it with an error ack instead; the client can cancel it.
 *
 * <p>Flow control: items are requested at most {@value #BATCH} at a time, and only while the
 * connection's outbound queue is at most half full, never more than it has free places; otherwise
 * the reply waits for the queue to drain, so a stream alone never overflows the queue. It never
 * blocks a thread and never holds back the connection's other messages.
 */
final class StreamReply implements Flow.Subscriber<Object> {

  /** Items requested at a time. */
  static final int BATCH = 16;

  /** Streaming replies one connection may have running at once. */
  static final int MAX_PER_CONNECTION = 16;

  private final RuntimeConnection conn;
  private final Envelope request;
  private final Dispatcher dispatcher;
  private final String key;
  private final AtomicBoolean done = new AtomicBoolean();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicLong count = new AtomicLong();
  private volatile Flow.Subscription subscription;

  private StreamReply(RuntimeConnection conn, Envelope request, Dispatcher dispatcher, String key) {
    this.conn = conn;
    this.request = request;
    this.dispatcher = dispatcher;
    this.key = key;
  }

  /** Whether a handler result is streamed rather than acknowledged as a value. */
  static boolean isStream(Object result) {
    return result instanceof Stream<?> || result instanceof Flow.Publisher<?>;
  }

  /** Starts streaming {@code source} (a {@link Stream} or a {@link Flow.Publisher}). */
  static void start(
      RuntimeConnection conn,
      Envelope request,
      Dispatcher dispatcher,
      Object source,
      Executor executor) {
    String key = request.id() == null ? null : request.id().toString();
    StreamReply reply =
        new StreamReply(conn, request, dispatcher, key == null ? conn.anonymousStreamKey() : key);
    SocketFault refused = conn.streamStarted(reply.key, reply, MAX_PER_CONNECTION);
    if (refused != null) {
      if (source instanceof Stream<?> s) {
        s.close();
      }
      dispatcher.replyError(conn, request.id(), request.event(), refused);
      return;
    }
    @SuppressWarnings("unchecked")
    Flow.Publisher<Object> publisher =
        source instanceof Stream<?> s
            ? new StreamSource(s, executor)
            : (Flow.Publisher<Object>) source;
    try {
      publisher.subscribe(reply);
    } catch (RuntimeException e) {
      reply.onError(e);
    }
  }

  /** The fault for a connection with too many streams, or a reused id. */
  static SocketFault refusal(boolean duplicate, int max) {
    return duplicate
        ? SocketFault.invalid("a streaming reply with this id is already running")
        : new SocketFault(
            FaultCode.WS_QUOTA_EXCEEDED,
            FaultCode.WS_QUOTA_EXCEEDED.defaultMessage()
                + ": at most "
                + max
                + " streaming replies per connection");
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (subscription != null) {
      s.cancel();
      return;
    }
    subscription = s;
    if (done.get()) {
      s.cancel();
    } else {
      pump();
    }
  }

  @Override
  public void onNext(Object item) {
    if (done.get()) {
      return;
    }
    count.incrementAndGet();
    conn.sendText(
        conn.socket()
            .codec()
            .encode(
                new Envelope(
                    request.id(),
                    MessageType.EVENT,
                    request.event() + StandardEvents.CHUNK_SUFFIX,
                    item,
                    Map.of(),
                    false)));
    if (outstanding.decrementAndGet() <= 0) {
      pump();
    }
  }

  @Override
  public void onError(Throwable failure) {
    if (finish()) {
      dispatcher.streamFailed(conn, request, failure);
    }
  }

  @Override
  public void onComplete() {
    if (finish()) {
      end(false);
    }
  }

  /** The client cancelled: the source is cancelled, then {@code .end} and the ack go out. */
  void cancel() {
    if (finish()) {
      cancelSource();
      end(true);
    }
  }

  /** The connection ended: the source is cancelled, nothing is sent. */
  void abort() {
    if (finish()) {
      cancelSource();
    }
  }

  private void pump() {
    Flow.Subscription s = subscription;
    if (s == null || done.get()) {
      return;
    }
    if (!conn.isOpen()) {
      abort();
      return;
    }
    if (outstanding.get() > 0) {
      return;
    }
    int n = Math.min(BATCH, conn.outbox().room());
    if (n == 0) {
      conn.outbox().whenRoom(this::pump);
      return;
    }
    if (outstanding.compareAndSet(0, n)) {
      s.request(n);
    }
  }

  private void end(boolean cancelled) {
    conn.sendText(
        conn.socket()
            .codec()
            .encode(
                new Envelope(
                    request.id(),
                    MessageType.EVENT,
                    request.event() + StandardEvents.END_SUFFIX,
                    new StreamEnd(count.get(), cancelled),
                    Map.of(),
                    false)));
    dispatcher.replyOk(conn, request, null);
  }

  private boolean finish() {
    if (!done.compareAndSet(false, true)) {
      return false;
    }
    conn.streamEnded(key, this);
    return true;
  }

  private void cancelSource() {
    Flow.Subscription s = subscription;
    if (s != null) {
      try {
        s.cancel();
      } catch (RuntimeException e) {
        // a publisher that fails to cancel has nothing more to tell us
      }
    }
  }
}
