package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aquilia.sockets.SocketFault;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PayloadBinderTest {

  /** A payload. */
  public record Point(long x, String label) {}

  static Jsonb jsonb;

  @BeforeAll
  static void setUp() {
    jsonb = JsonbBuilder.create();
  }

  @AfterAll
  static void tearDown() throws Exception {
    jsonb.close();
  }

  @Test
  void yassonBindsTheParsedPayloadWithoutPrintingIt() {
    assertThat(PayloadBinder.structureBinder(jsonb)).isNotNull();
    PayloadBinder binder = new PayloadBinder(jsonb, null);
    Object p =
        binder.bind(
            "move",
            Json.createObjectBuilder().add("x", 7).add("label", "a").build(),
            Point.class,
            List.of());
    assertThat(p).isEqualTo(new Point(7, "a"));
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() {
    PayloadBinder binder = new PayloadBinder(jsonb, null);
    assertThatThrownBy(
            () ->
                binder.bind(
                    "move",
                    Json.createObjectBuilder().add("x", "seven").add("label", "a").build(),
                    Point.class,
                    List.of()))
        .isInstanceOf(SocketFault.class)
        .hasMessageContaining("field 'x' has the wrong type");
  }
}
