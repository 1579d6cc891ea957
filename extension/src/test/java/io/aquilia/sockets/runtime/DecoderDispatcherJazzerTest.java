package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing (Jazzer) of the decoder and dispatcher, with the checks of {@link
 * DecoderDispatcherFuzzTest.Harness} on every input. The build runs it in fuzzing mode ({@code
 * JAZZER_FUZZ=1}, set by the surefire configuration) for a bounded number of executions, starting
 * from the envelopes in {@code src/test/resources/.../DecoderDispatcherJazzerTestInputs}; without
 * that variable only those seeds run. A failing input is written as {@code crash-*} in the module
 * directory and replayed by later runs once copied into the inputs directory.
 */
class DecoderDispatcherJazzerTest {

  private static DecoderDispatcherFuzzTest.Harness harness;
  private static long baseline;
  private static int inputs;

  @BeforeAll
  static void start() {
    harness = new DecoderDispatcherFuzzTest.Harness();
    baseline = DecoderDispatcherFuzzTest.usedHeap();
  }

  @AfterAll
  static void stop() throws Exception {
    assertThat(DecoderDispatcherFuzzTest.usedHeap() - baseline)
        .as("heap growth after " + inputs + " inputs")
        .isLessThan(64L * 1024 * 1024);
    harness.close();
  }

  @FuzzTest(maxExecutions = 30_000, maxDuration = "90s")
  void everyInputGetsOneDefinedAnswer(FuzzedDataProvider data) {
    inputs++;
    String input = data.consumeRemainingAsString();
    if (input.length() > DecoderDispatcherFuzzTest.MAX_BYTES * 2) {
      input = input.substring(0, DecoderDispatcherFuzzTest.MAX_BYTES * 2);
    }
    harness.check("jazzer input", input);
  }
}
