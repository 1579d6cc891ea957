package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.InboundProcessing;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The inbound queue on its own: order, hand-over between threads, capacity. */
class InboundQueueTest {

  final List<String> log = new CopyOnWriteArrayList<>();

  Supplier<CompletableFuture<Void>> sync(String name) {
    return () -> {
      log.add(name);
      return CompletableFuture.completedFuture(null);
    };
  }

  Supplier<CompletableFuture<Void>> async(String name, CompletableFuture<Void> done) {
    return () -> {
      log.add(name);
      return done;
    };
  }

  @Test
  void serialRunsOneAtATimeInOrderAndTheCompletingThreadRunsTheRest() throws Exception {
    InboundQueue q = new InboundQueue(InboundProcessing.SERIAL, 10);
    CompletableFuture<Void> first = new CompletableFuture<>();
    assertThat(q.submit(async("a", first))).isTrue();
    assertThat(q.submit(sync("b"))).isTrue();
    assertThat(q.submit(sync("c"))).isTrue();
    assertThat(log).containsExactly("a");
    assertThat(q.pending()).isEqualTo(3);
    Thread completer = new Thread(() -> first.complete(null), "completer");
    completer.start();
    completer.join();
    assertThat(log).containsExactly("a", "b", "c");
    assertThat(q.pending()).isZero();
    assertThat(q.submit(sync("d"))).isTrue();
    assertThat(log).containsExactly("a", "b", "c", "d");
  }

  @Test
  void concurrentRunsEachMessageAtOnce() {
    InboundQueue q = new InboundQueue(InboundProcessing.CONCURRENT, 10);
    CompletableFuture<Void> first = new CompletableFuture<>();
    q.submit(async("a", first));
    q.submit(sync("b"));
    assertThat(log).containsExactly("a", "b");
    assertThat(q.pending()).isEqualTo(1);
    first.complete(null);
    assertThat(q.pending()).isZero();
  }

  @Test
  void capacityCountsWaitingAndRunningMessages() {
    for (InboundProcessing mode : InboundProcessing.values()) {
      InboundQueue q = new InboundQueue(mode, 2);
      CompletableFuture<Void> a = new CompletableFuture<>();
      CompletableFuture<Void> b = new CompletableFuture<>();
      assertThat(q.submit(async("a", a))).isTrue();
      assertThat(q.submit(async("b", b))).isTrue();
      assertThat(q.submit(sync("refused"))).as(mode.name()).isFalse();
      a.complete(null);
      b.complete(null);
      assertThat(q.submit(sync("later"))).isTrue();
      assertThat(log).doesNotContain("refused").contains("later");
      log.clear();
    }
  }

  @Test
  void aTaskThatThrowsDoesNotStopTheQueue() {
    InboundQueue q = new InboundQueue(InboundProcessing.SERIAL, 10);
    q.submit(
        () -> {
          throw new IllegalStateException("bug");
        });
    q.submit(sync("next"));
    assertThat(log).containsExactly("next");
    assertThat(q.pending()).isZero();
  }

  @Test
  void manyProducersNeverRunTwoTasksAtOnce() throws Exception {
    InboundQueue q = new InboundQueue(InboundProcessing.SERIAL, 100_000);
    java.util.concurrent.atomic.AtomicInteger running =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger overlaps =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(8000);
    Supplier<CompletableFuture<Void>> task =
        () -> {
          if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          running.decrementAndGet();
          ran.countDown();
          return CompletableFuture.supplyAsync(() -> null);
        };
    Thread[] producers = new Thread[4];
    for (int i = 0; i < producers.length; i++) {
      producers[i] =
          new Thread(
              () -> {
                for (int j = 0; j < 2000; j++) {
                  q.submit(task);
                }
              });
      producers[i].start();
    }
    for (Thread p : producers) {
      p.join();
    }
    assertThat(ran.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps.get()).isZero();
  }
}
