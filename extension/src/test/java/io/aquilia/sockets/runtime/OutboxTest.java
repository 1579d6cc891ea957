package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.OverflowPolicy;
import io.aquilia.sockets.testing.LogLines;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {

  final AtomicInteger slowConsumer = new AtomicInteger();

  Outbox outbox(Transport t, int capacity, OverflowPolicy policy) {
    return new Outbox("c1", t, capacity, policy, slowConsumer::incrementAndGet);
  }

  @Test
  void oneWriteInFlightAndOrderPreserved() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 16, OverflowPolicy.DROP_OLDEST);
    for (int i = 0; i < 5; i++) {
      assertThat(o.offer("m" + i)).isTrue();
    }
    assertThat(t.texts()).containsExactly("m0");
    assertThat(o.depth()).isEqualTo(4);
    t.completeNext();
    assertThat(t.texts()).containsExactly("m0", "m1");
    assertThat(t.pending).hasSize(1);
    while (!t.pending.isEmpty()) {
      t.completeNext();
    }
    assertThat(t.texts()).containsExactly("m0", "m1", "m2", "m3", "m4");
    assertThat(t.maxInFlight).isEqualTo(1);
    assertThat(o.depth()).isZero();
    // idle again: the next offer is written at once
    o.offer("m5");
    assertThat(t.texts()).endsWith("m5");
  }

  @Test
  void dropOldestKeepsTheNewest() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 2, OverflowPolicy.DROP_OLDEST);
    assertThat(o.offer("a")).isTrue(); // in flight
    assertThat(o.offer("b")).isTrue();
    assertThat(o.offer("c")).isTrue(); // queue full now
    assertThat(o.offer("d")).isTrue(); // drops b
    assertThat(o.offer("e")).isTrue(); // drops c
    assertThat(o.dropped()).isEqualTo(2);
    assertThat(o.depth()).isEqualTo(2);
    drain(t);
    assertThat(t.texts()).containsExactly("a", "d", "e");
    assertThat(slowConsumer).hasValue(0);
  }

  @Test
  void dropNewestRefusesTheNewMessage() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 2, OverflowPolicy.DROP_NEWEST);
    assertThat(o.offer("a")).isTrue();
    assertThat(o.offer("b")).isTrue();
    assertThat(o.offer("c")).isTrue();
    assertThat(o.offer("d")).isFalse();
    assertThat(o.offer("e")).isFalse();
    assertThat(o.dropped()).isEqualTo(2);
    drain(t);
    assertThat(t.texts()).containsExactly("a", "b", "c");
    assertThat(slowConsumer).hasValue(0);
  }

  @Test
  void closePolicyReportsASlowConsumer() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 2, OverflowPolicy.CLOSE);
    assertThat(o.offer("a")).isTrue();
    assertThat(o.offer("b")).isTrue();
    assertThat(o.offer("c")).isTrue();
    assertThat(slowConsumer).hasValue(0);
    assertThat(o.offer("d")).isFalse();
    assertThat(slowConsumer).hasValue(1);
  }

  @Test
  void closeIsQueuedAfterPendingWrites() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 8, OverflowPolicy.DROP_OLDEST);
    o.offer("a");
    o.offer("b");
    o.close(new CloseStatus(1000, "bye"), false);
    assertThat(o.offer("late")).isFalse();
    assertThat(t.closeCode).isNull();
    t.completeNext();
    assertThat(t.texts()).containsExactly("a", "b");
    assertThat(t.closeCode).isNull();
    t.completeNext();
    assertThat(t.closeCode).isEqualTo(1000);
    assertThat(t.closeReason).isEqualTo("bye");
    assertThat(t.texts()).containsExactly("a", "b");
    assertThat(t.closeCalls).isEqualTo(1);
  }

  @Test
  void immediateCloseDiscardsTheQueue() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 8, OverflowPolicy.DROP_OLDEST);
    o.offer("a");
    o.offer("b");
    o.offer("c");
    o.close(new CloseStatus(1001, "going away"), true);
    t.completeNext();
    assertThat(t.texts()).containsExactly("a");
    assertThat(t.closeCode).isEqualTo(1001);
    assertThat(t.pending).isEmpty();
  }

  @Test
  void closeWhenIdleClosesAtOnceAndOnlyOnce() {
    FakeTransport t = FakeTransport.synchronous();
    Outbox o = outbox(t, 8, OverflowPolicy.DROP_OLDEST);
    o.offer("a");
    o.close(new CloseStatus(4000, "x"), false);
    o.close(new CloseStatus(4001, "y"), false);
    assertThat(t.closeCode).isEqualTo(4000);
    assertThat(t.closeCalls).isEqualTo(1);
    assertThat(o.offer("b")).isFalse();
    o.ping();
    assertThat(t.pings).isZero();
  }

  @Test
  void synchronousCompletionsDoNotRecurse() throws InterruptedException {
    FakeTransport t = FakeTransport.manual();
    int n = 10_000;
    Outbox o = outbox(t, n, OverflowPolicy.CLOSE);
    for (int i = 0; i < n; i++) {
      assertThat(o.offer(Integer.toString(i))).isTrue();
    }
    assertThat(t.texts()).hasSize(1);
    // from now on every write completes inside sendText; the chain must be a loop
    t.sync = true;
    // on a thread with a small stack, so that a recursive chain would overflow for sure
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread completer = new Thread(null, t::completeNext, "completer", 256 * 1024);
    completer.setUncaughtExceptionHandler((th, e) -> failure.set(e));
    completer.start();
    completer.join();
    assertThat(failure.get()).isNull();
    assertThat(t.texts()).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(t.texts.get(i)).isEqualTo(Integer.toString(i));
    }
    assertThat(o.depth()).isZero();
    assertThat(slowConsumer).hasValue(0);
  }

  @Test
  void synchronousTransportFromTheStart() {
    FakeTransport t = FakeTransport.synchronous();
    Outbox o = outbox(t, 4, OverflowPolicy.CLOSE);
    for (int i = 0; i < 10_000; i++) {
      assertThat(o.offer("m" + i)).isTrue();
    }
    assertThat(t.texts()).hasSize(10_000);
    assertThat(slowConsumer).hasValue(0);
  }

  @Test
  void aFailedWriteDoesNotStopTheQueue() {
    List<Consumer<Throwable>> pending = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Transport failing =
        new Transport() {
          @Override
          public void sendText(String text, Consumer<Throwable> done) {
            texts.add(text);
            if (text.equals("boom")) {
              throw new IllegalStateException("broken pipe");
            }
            pending.add(done);
          }

          @Override
          public void sendPing() {}

          @Override
          public void close(int code, String reason) {}
        };
    Outbox o = outbox(failing, 8, OverflowPolicy.DROP_OLDEST);
    o.offer("a");
    o.offer("boom");
    o.offer("c");
    pending.remove(0).accept(new RuntimeException("async failure"));
    assertThat(texts).containsExactly("a", "boom", "c");
  }

  @Test
  void pingWhenIdleAndNotWhileWriting() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 8, OverflowPolicy.DROP_OLDEST);
    o.ping();
    assertThat(t.pings).isEqualTo(1);
    // the ping did not leave the outbox busy
    o.offer("a");
    assertThat(t.texts()).containsExactly("a");
    o.ping();
    assertThat(t.pings).isEqualTo(1);
    t.completeNext();
    o.ping();
    assertThat(t.pings).isEqualTo(2);
  }

  @Test
  void concurrentProducersWithAsynchronousCompletions() throws Exception {
    int producers = 4;
    int perProducer = 2_000;
    ExecutorService completer = Executors.newSingleThreadExecutor();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch all = new CountDownLatch(producers * perProducer);
    Transport async =
        new Transport() {
          @Override
          public void sendText(String text, Consumer<Throwable> done) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            written.add(text);
            completer.execute(
                () -> {
                  inFlight.decrementAndGet();
                  all.countDown();
                  done.accept(null);
                });
          }

          @Override
          public void sendPing() {}

          @Override
          public void close(int code, String reason) {}
        };
    Outbox o = outbox(async, producers * perProducer, OverflowPolicy.CLOSE);
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int id = p;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perProducer; i++) {
                    assertThat(o.offer(id + ":" + i)).isTrue();
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
      completer.shutdownNow();
    }
    assertThat(maxInFlight.get()).isEqualTo(1);
    assertThat(written).hasSize(producers * perProducer);
    int[] next = new int[producers];
    for (String w : written) {
      String[] parts = w.split(":");
      int p = Integer.parseInt(parts[0]);
      assertThat(Integer.parseInt(parts[1])).isEqualTo(next[p]++);
    }
    assertThat(slowConsumer).hasValue(0);
  }

  private static void drain(FakeTransport t) {
    while (!t.pending.isEmpty()) {
      t.completeNext();
    }
  }

  @Test
  void roomIsOfferedOnlyWhileTheQueueIsAtMostHalfFull() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 8, OverflowPolicy.DROP_OLDEST);
    assertThat(o.room()).isEqualTo(8);
    o.offer("in flight");
    for (int i = 0; i < 4; i++) {
      o.offer("q" + i);
    }
    assertThat(o.room()).isEqualTo(4); // 4 of 8 queued: half full
    o.offer("q4");
    assertThat(o.room()).isZero();
    List<String> woken = new ArrayList<>();
    o.whenRoom(() -> woken.add("a"));
    o.whenRoom(() -> woken.add("b"));
    assertThat(woken).isEmpty();
    t.completeNext(); // 4 queued again
    assertThat(woken).containsExactly("a", "b");
    o.whenRoom(() -> woken.add("now"));
    assertThat(woken).containsExactly("a", "b", "now");
  }

  @Test
  void waitersAreWokenWhenTheOutboxCloses() {
    FakeTransport t = FakeTransport.manual();
    Outbox o = outbox(t, 2, OverflowPolicy.DROP_OLDEST);
    o.offer("a");
    o.offer("b");
    o.offer("c");
    AtomicInteger woken = new AtomicInteger();
    o.whenRoom(woken::incrementAndGet);
    o.close(CloseStatus.GOING_AWAY, true);
    assertThat(woken.get()).isEqualTo(1);
    assertThat(o.room()).isZero();
    o.whenRoom(woken::incrementAndGet);
    assertThat(woken.get()).isEqualTo(2);
  }

  @Test
  void everyDropIsCountedInTheSocketsTotal() {
    FakeTransport t = FakeTransport.manual();
    java.util.concurrent.atomic.LongAdder total = new java.util.concurrent.atomic.LongAdder();
    ThrottledLog budget = new ThrottledLog(java.time.Clock.systemUTC());
    Outbox a = new Outbox("a", t, 1, OverflowPolicy.DROP_NEWEST, () -> {}, total, budget, () -> {});
    Outbox b =
        new Outbox(
            "b",
            FakeTransport.manual(),
            1,
            OverflowPolicy.DROP_OLDEST,
            () -> {},
            total,
            budget,
            () -> {});
    for (Outbox o : List.of(a, b)) {
      o.offer("in flight");
      o.offer("queued");
      o.offer("dropped 1");
      o.offer("dropped 2");
    }
    assertThat(a.dropped()).isEqualTo(2);
    assertThat(b.dropped()).isEqualTo(2);
    assertThat(total.sum()).isEqualTo(4);
  }

  /** Records the WARN lines of the Outbox logger during {@code body}. */
  static List<String> warnings(Runnable body) {
    try (LogLines lines =
        LogLines.capture(java.util.logging.Logger.getLogger(Outbox.class.getName()))) {
      body.run();
      return lines.warnings();
    }
  }

  @Test
  void dropsAndSlowConsumerClosesAreLoggedAtWarnWithTheConnectionId() {
    List<String> drops =
        warnings(
            () -> {
              Outbox o = outbox(FakeTransport.manual(), 1, OverflowPolicy.DROP_OLDEST);
              for (int i = 0; i < 7; i++) {
                o.offer("m" + i); // m0 in flight, m1 queued, then 5 drops
              }
              o.close(CloseStatus.NORMAL, false);
            });
    // the first drop and every power of two (1, 2, 4), then the total when the connection ends
    assertThat(drops)
        .filteredOn(l -> l.startsWith("AQS-104"))
        .hasSize(3)
        .allMatch(l -> l.contains("connection c1"));
    assertThat(drops)
        .filteredOn(l -> l.startsWith("AQS-120"))
        .containsExactly(
            "AQS-120 Connection c1 ended after 5 outbound message(s) were dropped (DROP_OLDEST)");
    List<String> slow =
        warnings(
            () -> {
              Outbox o = outbox(FakeTransport.manual(), 1, OverflowPolicy.CLOSE);
              o.offer("a");
              o.offer("b");
              o.offer("c");
            });
    assertThat(slow).anyMatch(l -> l.startsWith("AQS-105 Connection c1 closed as a slow consumer"));
    assertThat(slowConsumer.get()).isEqualTo(1);
  }

  @Test
  void aThousandSlowConsumersShareOneBudgetOfWarnLines() {
    ThrottledLog budget = new ThrottledLog(java.time.Clock.systemUTC());
    java.util.concurrent.atomic.LongAdder total = new java.util.concurrent.atomic.LongAdder();
    AtomicInteger closed = new AtomicInteger();
    List<String> lines =
        warnings(
            () -> {
              for (int i = 0; i < 1000; i++) {
                Outbox o =
                    new Outbox(
                        "c" + i,
                        FakeTransport.manual(),
                        1,
                        OverflowPolicy.CLOSE,
                        closed::incrementAndGet,
                        total,
                        budget,
                        () -> {});
                o.offer("a");
                o.offer("b");
                o.offer("c");
              }
            });
    assertThat(closed.get()).isEqualTo(1000);
    assertThat(lines).hasSize(ThrottledLog.PER_WINDOW);
    assertThat(budget.suppressed()).isEqualTo(1000 - ThrottledLog.PER_WINDOW);
  }
}
