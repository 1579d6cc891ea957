package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.WsClient;
import io.aquilia.sockets.tck.validation.Counted;
import io.aquilia.sockets.tck.validation.CountedValidator;
import io.aquilia.sockets.tck.validation.CountingSocket;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A payload is validated once per message, even when its handler parameter carries {@code @Valid}
 * (which would otherwise also enable the container's method validation of the handler, found by the
 * benchmarks to cost about a third of the server's CPU per message), and violations are still
 * answered with the error envelope.
 */
@ExtendWith(ArquillianExtension.class)
class PayloadValidationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war(
        "validation",
        CountingSocket.class,
        CountingSocket.Item.class,
        Counted.class,
        CountedValidator.class);
  }

  @ArquillianResource URL base;

  @Test
  void aValidPayloadIsValidatedOncePerMessage() {
    try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/counting"))) {
      ws.awaitSystem("connected");
      ws.sendEvent("1", "item.add", "{\"name\":\"a\"}");
      int first = data(ws.awaitAck("1"));
      ws.sendEvent("2", "item.add", "{\"name\":\"b\"}");
      int second = data(ws.awaitAck("2"));
      assertThat(first).isPositive();
      assertThat(second - first).as("checks of the second payload").isEqualTo(1);
    }
  }

  @Test
  void anInvalidPayloadIsStillAnsweredWithItsViolations() {
    try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/counting"))) {
      ws.awaitSystem("connected");
      ws.sendEvent("1", "item.add", "{\"name\":\" \"}");
      JsonObject payload = ws.awaitAck("1").getJsonObject("payload");
      assertThat(payload.getString("status")).isEqualTo("error");
      assertThat(payload.getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(payload.getJsonArray("violations").getJsonObject(0).getString("path"))
          .isEqualTo("name");
    }
  }

  private static int data(JsonObject ack) {
    JsonObject payload = ack.getJsonObject("payload");
    assertThat(payload.getString("status")).isEqualTo("ok");
    return payload.getInt("data");
  }
}
