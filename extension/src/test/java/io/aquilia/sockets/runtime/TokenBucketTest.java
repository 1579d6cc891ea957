package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.runtime.TokenBucket.Verdict;
import org.junit.jupiter.api.Test;

/** The token bucket: burst, refill rate, violations and their reset once the bucket is full. */
class TokenBucketTest {

  @Test
  void allowsTheBurstThenTheRate() {
    long t = 1_000_000;
    TokenBucket b = new TokenBucket(10, 5, 0, t);
    for (int i = 0; i < 5; i++) {
      assertThat(b.take(t)).isEqualTo(Verdict.ALLOW);
    }
    assertThat(b.take(t)).isEqualTo(Verdict.REJECT);
    assertThat(b.take(t + 99_000)).isEqualTo(Verdict.REJECT);
    assertThat(b.take(t + 100_000)).isEqualTo(Verdict.ALLOW);
    assertThat(b.take(t + 100_000)).isEqualTo(Verdict.REJECT);
  }

  @Test
  void closesAfterViolationsWithoutAFullRefill() {
    long t = 0;
    TokenBucket b = new TokenBucket(1, 1, 3, t);
    assertThat(b.take(t)).isEqualTo(Verdict.ALLOW);
    assertThat(b.take(t)).isEqualTo(Verdict.REJECT);
    assertThat(b.take(t + 10)).isEqualTo(Verdict.REJECT);
    assertThat(b.take(t + 20)).isEqualTo(Verdict.CLOSE);
  }

  @Test
  void aFullRefillForgivesViolations() {
    long t = 0;
    TokenBucket b = new TokenBucket(2, 2, 3, t);
    b.take(t);
    b.take(t);
    assertThat(b.take(t)).isEqualTo(Verdict.REJECT);
    assertThat(b.take(t)).isEqualTo(Verdict.REJECT);
    t += 1_000_000; // one second: two tokens back, the bucket is full
    assertThat(b.take(t)).isEqualTo(Verdict.ALLOW);
    assertThat(b.take(t)).isEqualTo(Verdict.ALLOW);
    assertThat(b.take(t)).isEqualTo(Verdict.REJECT);
    assertThat(b.take(t)).isEqualTo(Verdict.REJECT);
    assertThat(b.take(t)).isEqualTo(Verdict.CLOSE);
  }

  @Test
  void concurrentTakesNeverExceedTheBurst() throws Exception {
    TokenBucket b = new TokenBucket(1, 100, 0, 0);
    java.util.concurrent.atomic.AtomicInteger allowed =
        new java.util.concurrent.atomic.AtomicInteger();
    Thread[] threads = new Thread[4];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                for (int j = 0; j < 1000; j++) {
                  if (b.take(0) == Verdict.ALLOW) {
                    allowed.incrementAndGet();
                  }
                }
              });
      threads[i].start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(allowed.get()).isEqualTo(100);
  }
}
