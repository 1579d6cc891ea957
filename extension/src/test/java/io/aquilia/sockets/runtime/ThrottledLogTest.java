package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.testing.LogLines;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(now.get());
        }
      };
  private final Logger logger = Logger.getLogger("io.aquilia.sockets.test.throttled");
  private LogLines lines;

  @BeforeEach
  void listen() {
    logger.setUseParentHandlers(false);
    lines = LogLines.capture(logger);
  }

  @AfterEach
  void stop() {
    lines.close();
  }

  @Test
  void writesAtMostTheBudgetPerWindowAndReportsWhatItSuppressed() {
    ThrottledLog log = new ThrottledLog(clock, 1_000, 3);
    for (int i = 0; i < 10; i++) {
      log.warn(logger, "line " + i);
    }
    assertThat(lines.all()).containsExactly("line 0", "line 1", "line 2");
    assertThat(log.suppressed()).isEqualTo(7);

    now.addAndGet(1_000); // the next window
    assertThat(log.warn(logger, "later")).isTrue();
    assertThat(lines.all()).last().isEqualTo("later (7 similar lines suppressed)");
    assertThat(log.suppressed()).isZero();
  }

  @Test
  void aLoggerThatIsOffSpendsNothing() {
    ThrottledLog log = new ThrottledLog(clock, 1_000, 1);
    logger.setLevel(Level.SEVERE);
    try {
      assertThat(log.warn(logger, "hidden")).isFalse();
    } finally {
      logger.setLevel(null);
    }
    assertThat(log.warn(logger, "shown")).isTrue();
    assertThat(lines.all()).containsExactly("shown");
  }
}
