package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The strict reader's fast path for plain messages: it reads them with the JSON-P implementation's
 * own reader, and must accept and refuse exactly what the event loop does, with the same value or
 * the same reason.
 */
class PlainJsonTest {

  final StrictJsonReader reader = new StrictJsonReader(JsonProvider.provider());

  static final List<String> SEEDS =
      List.of(
          "{\"id\":1,\"event\":\"echo\",\"payload\":{\"seq\":7,\"text\":\"hi\"},\"ack\":true}",
          "{\"id\":\"a-1\",\"type\":\"event\",\"event\":\"room.join\",\"payload\":{\"room\":\"r0\"}}",
          "{\"event\":\"x\",\"payload\":[1,-2,3.25,-0,0.5,true,false,null,\"s\",{},[]],\"meta\":{}}",
          "{\"event\":\"q\",\"payload\":{\"s\":\"quote \\\" brace } bracket ] e1 \\\\\"}}",
          "{\"event\":\"u\",\"payload\":{\"k\":\"\\u00e9\\u2028\",\"n\":{\"m\":{\"o\":[[[1]]]}}}}",
          " \t\r\n{\"event\" : \"w\" , \"payload\" : { \"a\" : 1 } }\n ",
          "{\"a\":1,\"a\":2}",
          "{\"x\":{\"b\":1,\"b\":[1]}}",
          "{\"x\":{\"b\":1},\"y\":{\"b\":1}}",
          "{\"n\":1e3,\"m\":2E-2,\"o\":1e1001}",
          "{\"n\":" + "9".repeat(2001) + "}",
          "{\"n\":" + "9".repeat(2000) + "}",
          "{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}",
          "{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}",
          "{} {}",
          "{}x",
          "{\"a\":",
          "[1,2]",
          "\"s\"",
          "",
          "{\"a\":01}",
          "{\"a\":tru}",
          "{\"a\":\"unterminated}");

  @Test
  void theFastPathIsOnWithParsson() {
    assertThat(reader.readsPlainTextDirectly()).isTrue();
    assertThat(StrictJsonReader.isPlain(SEEDS.get(0))).isTrue();
    assertThat(StrictJsonReader.isPlain(SEEDS.get(3))).isTrue();
  }

  @Test
  void whatIsNotPlainIsLeftToTheEventLoop() {
    assertThat(StrictJsonReader.isPlain("[1]")).isFalse();
    assertThat(StrictJsonReader.isPlain("{\"n\":1e3}")).isFalse();
    assertThat(StrictJsonReader.isPlain("{\"n\":" + "1".repeat(2001) + "}")).isFalse();
    assertThat(StrictJsonReader.isPlain("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}"))
        .isFalse();
    assertThat(StrictJsonReader.isPlain("{} {}")).isFalse();
    assertThat(StrictJsonReader.isPlain("{\"a\":[1}")).isFalse();
    assertThat(StrictJsonReader.isPlain("{\"t\":true,\"f\":false}")).isTrue();
  }

  @Test
  void agreesWithTheEventLoopOnTheSeeds() {
    for (String s : SEEDS) {
      assertSameOutcome(s);
    }
  }

  @Test
  void agreesWithTheEventLoopOnTwentyThousandMutations() {
    Random random = new Random(20261202);
    String alphabet = "{}[]\":,\\ e1-.0atn";
    int plain = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder(SEEDS.get(random.nextInt(6)));
      for (int m = 1 + random.nextInt(3); m > 0 && b.length() > 0; m--) {
        int at = random.nextInt(b.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> b.insert(at, c);
          case 1 -> b.deleteCharAt(at);
          default -> b.setCharAt(at, c);
        }
      }
      String text = b.toString();
      if (StrictJsonReader.isPlain(text)) {
        plain++;
      }
      assertSameOutcome(text);
    }
    // the mutations exercise the fast path, not only the fallback
    assertThat(plain).isGreaterThan(5_000);
  }

  private void assertSameOutcome(String text) {
    List<Object> fast = outcome(() -> reader.read(text));
    List<Object> events = outcome(() -> reader.readEvents(text));
    assertThat(fast).as(text).isEqualTo(events);
  }

  /** The value read, or the refusal's type and message. */
  private static List<Object> outcome(java.util.function.Supplier<JsonValue> read) {
    List<Object> out = new ArrayList<>();
    try {
      out.add(read.get());
    } catch (RuntimeException e) {
      out.add(e.getClass().getName());
      out.add(e.getMessage());
    }
    return out;
  }
}
