package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzz test of the decoder and the dispatcher: a corpus of valid envelopes is
 * mutated (bit flips, splices, truncations, duplicated and deleted ranges, injected JSON tokens,
 * deep nesting, huge numbers, odd characters) and every input goes through decoding and dispatch on
 * one connection. For each input: no exception escapes, the connection stays open, at most one
 * frame answers it, an input that does not decode gets exactly one error with a catalogue code, and
 * a message with a readable id gets exactly one reply with that id. The inputs are bounded (a fixed
 * seed and count, each at most the socket's limit plus a little), and the heap used after the run
 * stays bounded.
 */
class DecoderDispatcherFuzzTest {

  static final long SEED = 0x5eed_a9a11aL;
  static final int INPUTS = 5_000;
  static final int MAX_BYTES = 4096;

  /** A payload with constraints and integral fields. */
  public record Item(@NotBlank @Size(max = 20) String name, int qty, List<Long> tags) {}

  @Socket(value = "/ws/fuzz", maxMessageSize = MAX_BYTES, heartbeatInterval = 0)
  public static class Fuzz extends SocketController {
    @AckEvent("item")
    public Item item(Item i) {
      return i;
    }

    @Event("echo")
    public Object echo(Map<String, Object> m) {
      return m;
    }

    @Event("fail")
    public void fail(Map<String, Object> m) {
      throw m.containsKey("fault") ? SocketFault.forbidden("no") : new IllegalStateException("x");
    }

    @AckEvent("n")
    public long n(Long n) {
      return n;
    }
  }

  static final List<String> CORPUS =
      List.of(
          "{\"id\":\"1\",\"type\":\"event\",\"event\":\"item\",\"payload\":{\"name\":\"a\",\"qty\":2,\"tags\":[1,2]},\"meta\":{},\"ack\":true}",
          "{\"id\":7,\"event\":\"echo\",\"data\":{\"a\":[1,{\"b\":null}],\"c\":\"\\u00e9\\ud83d\\ude00\"}}",
          "{\"event\":\"echo\",\"payload\":{\"x\":1.5e3}}",
          "{\"id\":\"f\",\"event\":\"fail\",\"payload\":{\"fault\":true}}",
          "{\"id\":\"g\",\"event\":\"fail\",\"payload\":{}}",
          "{\"id\":\"p\",\"type\":\"control\",\"event\":\"ping\",\"payload\":{\"t\":1}}",
          "{\"type\":\"control\",\"event\":\"pong\"}",
          "{\"id\":\"n\",\"event\":\"n\",\"payload\":42}",
          "{\"id\":\"u\",\"event\":\"unknown.event\"}",
          "{\"id\":\"s\",\"type\":\"system\",\"event\":\"connected\"}");

  static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e400",
    "1.5",
    "9223372036854775808",
    "\"id\":",
    "\"event\":",
    "\"payload\":",
    "\u0000",
    "\ud800",
    "\u2028",
    "\"\\u0000\"",
    "NaN",
    "[[[[[[[[",
    "]]]]",
    "{\"a\":{\"a\":",
    "\"event\":\"item\""
  };

  @Test
  void everyMutatedInputGetsOneDefinedAnswer() throws Exception {
    Random random = new Random(SEED);
    int decodedFailures = 0;
    try (Harness h = new Harness()) {
      long baseline = usedHeap();
      for (int i = 0; i < INPUTS; i++) {
        String input = mutate(random, CORPUS.get(random.nextInt(CORPUS.size())));
        if (h.check("input #" + i, input)) {
          decodedFailures++;
        }
      }
      assertThat(usedHeap() - baseline).as("heap growth").isLessThan(64L * 1024 * 1024);
    }
    assertThat(decodedFailures)
        .as("the mutations reach the error paths")
        .isGreaterThan(INPUTS / 10);
    assertThat(decodedFailures).as("and the handlers").isLessThan(INPUTS - INPUTS / 10);
  }

  /**
   * One connection of the fuzz socket on a runtime without a container, and the check of one input:
   * decoded and dispatched, the connection stays open, at most one frame answers it, an input that
   * does not decode gets exactly one error with a catalogue code, and a message with a readable id
   * gets exactly one reply with that id. Shared with {@link DecoderDispatcherJazzerTest}.
   */
  static final class Harness implements AutoCloseable {
    private static final Set<String> CODES =
        Arrays.stream(FaultCode.values()).map(Enum::name).collect(Collectors.toSet());
    private final java.util.logging.Logger dispatcherLog =
        java.util.logging.Logger.getLogger(Dispatcher.class.getName());
    private final java.util.logging.Level level = dispatcherLog.getLevel();
    private final Jsonb jsonb = JsonbBuilder.create();
    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final SocketRuntime runtime;
    private final LiveSocket socket;
    private final FakeTransport t = FakeTransport.synchronous();
    private final RuntimeConnection c;

    Harness() {
      // the handler failures are logged with their stack traces (AQS-102): not thousands here
      dispatcherLog.setLevel(java.util.logging.Level.OFF);
      MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
      DeploymentModel d = DeploymentModel.of(List.of(Fuzz.class));
      runtime =
          new SocketRuntime(
              d.models(), m -> new Fuzz(), jsonb, validation.getValidator(), clock, false);
      socket = runtime.sockets().get(0);
      c = socket.open(t, new HandshakeInfo("/ws/fuzz", Map.of(), Map.of(), Map.of(), null));
      t.texts.clear();
    }

    /** Checks one input; true when it did not decode. */
    boolean check(String name, String input) {
      Frame frame = socket.codec().decode(input, MAX_BYTES);
      socket.frame(c, frame);
      List<String> replies = t.texts();
      t.texts.clear();
      String where = name + ": " + abbreviate(input);
      assertThat(replies).as(where).hasSizeLessThanOrEqualTo(1);
      assertThat(c.isOpen()).as(where).isTrue();
      if (frame instanceof Frame.Malformed) {
        assertThat(replies).as(where).hasSize(1);
        assertThat(CODES).as(where).contains(code(replies.get(0)));
        return true;
      }
      Object id = ((Frame.Message) frame).envelope().id();
      String event = ((Frame.Message) frame).envelope().event();
      boolean pong =
          ((Frame.Message) frame).envelope().type() == io.aquilia.sockets.MessageType.CONTROL
              && "pong".equals(event);
      if (id != null && !pong) {
        assertThat(replies).as(where).hasSize(1);
        assertThat(reply(replies.get(0)).get("id")).as(where).isEqualTo(id);
      }
      String code = replies.isEmpty() ? null : code(replies.get(0));
      if (code != null) {
        assertThat(CODES).as(where).contains(code);
      }
      return false;
    }

    @Override
    public void close() throws Exception {
      runtime.close();
      validation.close();
      jsonb.close();
      dispatcherLog.setLevel(level);
    }
  }

  private static String mutate(Random r, String seed) {
    if (r.nextInt(3) == 0) {
      return mutateValues(r, seed);
    }
    StringBuilder s = new StringBuilder(seed);
    int rounds = 1 + r.nextInt(4);
    for (int k = 0; k < rounds; k++) {
      int pos = s.length() == 0 ? 0 : r.nextInt(s.length());
      switch (r.nextInt(9)) {
        case 0 -> { // flip a bit of one character
          if (s.length() > 0) {
            s.setCharAt(pos, (char) (s.charAt(pos) ^ (1 << r.nextInt(7))));
          }
        }
        case 1 -> s.insert(pos, TOKENS[r.nextInt(TOKENS.length)]);
        case 2 -> s.delete(pos, Math.min(s.length(), pos + 1 + r.nextInt(8)));
        case 3 -> s.setLength(pos); // truncate
        case 4 -> { // duplicate a range
          int end = Math.min(s.length(), pos + 1 + r.nextInt(20));
          s.insert(end, s.substring(pos, end));
        }
        case 5 -> { // splice with another seed
          String other = CORPUS.get(r.nextInt(CORPUS.size()));
          s.replace(pos, s.length(), other.substring(r.nextInt(other.length())));
        }
        case 6 -> { // nest deeply
          int depth = 1 + r.nextInt(200);
          s.insert(pos, "[".repeat(depth));
        }
        case 7 -> s.insert(pos, String.valueOf(r.nextLong()) + "." + r.nextInt());
        default -> s.insert(pos, (char) r.nextInt(0x10000));
      }
    }
    if (r.nextInt(50) == 0) {
      s.append("x".repeat(MAX_BYTES)); // over the limit
    }
    return s.toString();
  }

  static final String[] VALUES = {
    "0",
    "-1",
    "1.5",
    "2.0",
    "1e3",
    "1e1001",
    "2147483648",
    "-9223372036854775809",
    "\"\"",
    "\"x\"",
    "null",
    "true",
    "[]",
    "{}",
    "[1,2.5]",
    "{\"name\":\"\"}",
    "\"\\u0000\"",
    "\"" + "n".repeat(30) + "\""
  };

  /** Keeps the JSON structure and replaces scalar values: reaches binding and the handlers. */
  private static String mutateValues(Random r, String seed) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?<=:)(-?[0-9.eE+]+|\"[^\"]*\"|true|false|null)")
            .matcher(seed);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out,
          java.util.regex.Matcher.quoteReplacement(
              r.nextInt(3) == 0 ? VALUES[r.nextInt(VALUES.length)] : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static JsonObject reply(String text) {
    try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String code(String text) {
    JsonValue payload = reply(text).get("payload");
    if (!(payload instanceof JsonObject p) || !p.containsKey("code")) {
      return null;
    }
    JsonValue v = p.get("code");
    return v.getValueType() == JsonValue.ValueType.STRING ? p.getString("code") : null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " chars)";
  }

  static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
