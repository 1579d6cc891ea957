package io.aquilia.sockets.runtime;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Transport} for tests: records texts, pings and the close; completes writes either
 * synchronously (on the calling thread) or when the test says so.
 */
final class FakeTransport implements Transport {

  final List<String> texts = new ArrayList<>();
  final Deque<Consumer<Throwable>> pending = new ArrayDeque<>();
  int pings;
  int closeCalls;
  Integer closeCode;
  String closeReason;
  int inFlight;
  int maxInFlight;
  boolean sync;

  private FakeTransport(boolean sync) {
    this.sync = sync;
  }

  /** Completes every write on the calling thread, inside {@code sendText}. */
  static FakeTransport synchronous() {
    return new FakeTransport(true);
  }

  /** Completes writes only through {@link #completeNext()}. */
  static FakeTransport manual() {
    return new FakeTransport(false);
  }

  @Override
  public synchronized void sendText(String text, Consumer<Throwable> done) {
    texts.add(text);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (sync) {
      inFlight--;
      done.accept(null);
    } else {
      pending.addLast(done);
    }
  }

  /** Completes the oldest pending write successfully. */
  void completeNext() {
    Consumer<Throwable> done;
    synchronized (this) {
      done = pending.pollFirst();
      if (done == null) {
        throw new AssertionError("no write in flight");
      }
      inFlight--;
    }
    done.accept(null);
  }

  @Override
  public synchronized void sendPing() {
    pings++;
  }

  @Override
  public synchronized void close(int code, String reason) {
    closeCalls++;
    if (closeCode == null) {
      closeCode = code;
      closeReason = reason;
    }
  }

  synchronized List<String> texts() {
    return List.copyOf(texts);
  }

  synchronized String last() {
    return texts.get(texts.size() - 1);
  }

  /** Every text parsed as JSON. */
  synchronized List<JsonObject> json() {
    List<JsonObject> out = new ArrayList<>();
    texts.forEach(t -> out.add(parse(t)));
    return out;
  }

  synchronized JsonObject lastJson() {
    return parse(last());
  }

  static JsonObject parse(String text) {
    try (var r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    }
  }
}
