package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aquilia.sockets.SocketFault;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strict JSON reader, the strict number rule and the origin rules for null and no origin. */
class StrictInputTest {

  final StrictJsonReader reader = new StrictJsonReader(JsonProvider.provider());
  final StrictNumbers numbers = new StrictNumbers();

  static JsonValue json(String s) {
    try (var r = JsonProvider.provider().createReader(new StringReader(s))) {
      return r.readValue();
    }
  }

  @Test
  void readsValidJsonLikeTheStandardReader() {
    String text = "{\"a\":[1,2.5,{\"b\":null,\"c\":true}],\"d\":\"x\",\"e\":-1e3,\"f\":{}}";
    assertThat(reader.read(text)).isEqualTo(json(text));
    assertThat(reader.read("[]")).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);
    assertThat(reader.read("\"s\"")).isEqualTo(json("\"s\""));
  }

  @Test
  void limitsDepthWithoutRecursion() {
    String ok = "[".repeat(64) + "]".repeat(64);
    assertThat(reader.read(ok)).isInstanceOf(JsonArray.class);
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThatThrownBy(() -> reader.read(deep)).hasMessageContaining("nesting deeper than 64");
    String veryDeep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertThatThrownBy(() -> reader.read(veryDeep)).hasMessageContaining("nesting deeper");
  }

  @Test
  void refusesDuplicateKeysAtAnyLevel() {
    assertThatThrownBy(() -> reader.read("{\"a\":1,\"a\":2}"))
        .hasMessageContaining("duplicate key 'a'");
    assertThatThrownBy(() -> reader.read("{\"x\":{\"b\":1,\"b\":1}}"))
        .hasMessageContaining("duplicate key 'b'");
    assertThat(reader.read("{\"x\":{\"b\":1},\"y\":{\"b\":1}}")).isInstanceOf(JsonObject.class);
  }

  @Test
  void boundsExponentsAndLengthsOfNumbers() {
    assertThat(reader.read("1e1000")).isNotNull();
    assertThatThrownBy(() -> reader.read("1e1001")).hasMessageContaining("number out of range");
    assertThatThrownBy(() -> reader.read("1E-999999999")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> reader.read("[" + "9".repeat(2001) + "]"))
        .hasMessageContaining("out of range");
    assertThat(reader.read("[" + "9".repeat(1000) + "]")).isInstanceOf(JsonArray.class);
  }

  @Test
  void refusesTrailingDataAndMalformedText() {
    assertThatThrownBy(() -> reader.read("{} {}")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> reader.read("{\"a\":")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> reader.read("")).isInstanceOf(RuntimeException.class);
  }

  /** A payload with integral fields at several depths. */
  public record Inner(short s, @JsonbProperty("big-int") BigInteger bigInt) {}

  /** A payload with integral fields at several depths. */
  public record Outer(
      int n, Long l, List<Integer> list, Map<String, Byte> map, Optional<Integer> opt, Inner in) {}

  @Test
  void integralTargetsNeedIntegralNumbersInRange() {
    String ok =
        "{\"n\":1,\"l\":2.0,\"list\":[1,2],\"map\":{\"a\":127},\"opt\":3,\"in\":{\"s\":1,\"big-int\":1e30}}";
    numbers.check("e", json(ok), Outer.class);
    assertFails("{\"n\":1.5}", "field 'n'");
    assertFails("{\"n\":2147483648}", "field 'n'");
    assertFails("{\"l\":9223372036854775808}", "field 'l'");
    assertFails("{\"list\":[1,2.5]}", "field 'list[1]'");
    assertFails("{\"map\":{\"a\":128}}", "field 'map.a'");
    assertFails("{\"opt\":0.1}", "field 'opt'");
    assertFails("{\"in\":{\"s\":40000}}", "field 'in.s'");
    assertFails("{\"in\":{\"big-int\":1.5}}", "field 'in.big-int'");
    numbers.check("e", json("{\"n\":\"text is the binder's business\"}"), Outer.class);
    numbers.check("e", json("2.5"), double.class);
    assertThatThrownBy(() -> numbers.check("e", json("2.5"), int.class))
        .hasMessageContaining("the value");
  }

  private void assertFails(String payload, String where) {
    assertThatThrownBy(() -> numbers.check("e", json(payload), Outer.class))
        .isInstanceOf(SocketFault.class)
        .hasMessageContaining(where)
        .hasMessageContaining("integer");
  }

  @Test
  void nullOriginNeedsItsOwnEntryAndMissingOriginFollowsTheSetting() {
    OriginPolicy any = new OriginPolicy(List.of("*"), true);
    assertThat(any.allows("https://x.test")).isTrue();
    assertThat(any.allows("null")).isFalse();
    assertThat(any.allows(null)).isTrue();
    OriginPolicy strict = new OriginPolicy(List.of("https://a.test"), false);
    assertThat(strict.allows(null)).isFalse();
    assertThat(strict.allows("NULL")).isFalse();
    OriginPolicy sandbox = new OriginPolicy(List.of("null"), false);
    assertThat(sandbox.allows("null")).isTrue();
    assertThat(sandbox.allows("https://a.test")).isFalse();
    OriginPolicy none = new OriginPolicy(List.of(), false);
    assertThat(none.allows(null)).as("an empty list checks nothing").isTrue();
    assertThat(OriginPolicy.check("null")).isEmpty();
  }
}
