package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void lookupsIgnoreTheCaseOfTheName() {
    Map<String, List<String>> h =
        Headers.copyOf(Map.of("Sec-WebSocket-Key", List.of("k"), "Origin", List.of("o")));
    assertThat(h.get("sec-websocket-key")).containsExactly("k");
    assertThat(h.get("ORIGIN")).containsExactly("o");
    assertThat(h.containsKey("origin")).isTrue();
    assertThat(h.get("missing")).isNull();
    assertThat(h.get(42)).isNull();
    assertThat(h).hasSize(2);
  }

  @Test
  void namesDifferingOnlyInCaseAreMergedInOrder() {
    Map<String, List<String>> in = new LinkedHashMap<>();
    in.put("X-Tag", List.of("a"));
    in.put("x-tag", List.of("b", "c"));
    Map<String, List<String>> h = Headers.copyOf(in);
    assertThat(h).hasSize(1);
    assertThat(h.get("X-TAG")).containsExactly("a", "b", "c");
  }

  @Test
  void isACopyAndImmutable() {
    List<String> values = new ArrayList<>(List.of("v"));
    Map<String, List<String>> in = new LinkedHashMap<>();
    in.put("A", values);
    in.put(null, List.of("ignored"));
    Map<String, List<String>> h = Headers.copyOf(in);
    values.add("later");
    in.put("B", List.of("b"));
    assertThat(h.get("a")).containsExactly("v");
    assertThat(h).containsOnlyKeys("A");
    assertThatThrownBy(() -> h.put("C", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.get("a").add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Headers.copyOf(Map.of())).isEmpty();
  }
}
