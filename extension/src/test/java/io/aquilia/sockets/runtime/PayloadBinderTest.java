package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aquilia.sockets.SocketFault;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadBinderTest {

  /** A payload. */
  public record Point(long x, String label) {}

  // one Yasson instance for the class; JSON-B needs no closing here
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Test
  void yassonBindsTheParsedPayloadWithoutPrintingIt() {
    assertThat(PayloadBinder.structureBinder(JSONB)).isNotNull();
    PayloadBinder binder = new PayloadBinder(JSONB, null);
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
    PayloadBinder binder = new PayloadBinder(JSONB, null);
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

  /** A payload with a nested, cascaded one. */
  public record Line(@Valid Label from, @Valid List<Label> via) {}

  /** A nested payload. */
  public record Label(@NotBlank @Size(max = 3) String text) {}

  @Test
  void thePayloadValidatorStillCascadesIntoEveryProperty() {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      PayloadBinder binder = new PayloadBinder(JSONB, PayloadValidators.from(factory));
      assertThatThrownBy(
              () ->
                  binder.bind(
                      "draw",
                      Json.createReader(
                              new java.io.StringReader(
                                  "{\"from\":{\"text\":\"\"},\"via\":[{\"text\":\"ok\"},{\"text\":\"long\"}]}"))
                          .readObject(),
                      Line.class,
                      List.of()))
          .isInstanceOfSatisfying(
              SocketFault.class,
              f ->
                  assertThat(f.violations())
                      .extracting(io.aquilia.sockets.Violation::path)
                      .containsExactly("from.text", "via[1].text"));
    }
  }
}
