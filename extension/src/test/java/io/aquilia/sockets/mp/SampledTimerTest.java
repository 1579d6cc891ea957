package io.aquilia.sockets.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SampledTimerTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> kept = new ArrayList<>();
  private final SampledTimer timer = new SampledTimer(kept::add, now::get);

  @Test
  void everyUpdateIsKeptAtLowRates() {
    for (int i = 0; i < 50; i++) {
      timer.update(i);
      now.addAndGet(10_000_000); // 100 a second
    }
    assertThat(kept).hasSize(50);
    assertThat(kept.get(49)).isEqualTo(Duration.ofNanos(49));
  }

  @Test
  void aBurstKeepsTheFirstHundredOfEachWindow() {
    for (int i = 0; i < 1_000; i++) {
      timer.update(i);
    }
    assertThat(kept).hasSize(SampledTimer.PER_WINDOW);
    assertThat(kept.get(99)).isEqualTo(Duration.ofNanos(99));
    now.addAndGet(SampledTimer.WINDOW_MILLIS * 1_000_000);
    timer.update(5_000);
    assertThat(kept).hasSize(SampledTimer.PER_WINDOW + 1).last().isEqualTo(Duration.ofNanos(5_000));
  }
}
