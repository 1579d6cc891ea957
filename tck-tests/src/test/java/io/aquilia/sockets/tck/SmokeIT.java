package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the plumbing on each server: a WAR with our jars in WEB-INF/lib, deployed by Arquillian,
 * answers WebSocket round trips, both through a plain {@code @ServerEndpoint} (the server itself)
 * and through an {@code @Socket} controller (our extension).
 */
@ExtendWith(ArquillianExtension.class)
class SmokeIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war("smoke", EchoSocket.class, PlainEchoEndpoint.class);
  }

  @ArquillianResource URL base;

  @Test
  void plainEndpointRoundTrips() {
    try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/plain-echo"))) {
      ws.send("hello");
      assertThat(ws.awaitMessage("plain:hello"::equals)).isEqualTo("plain:hello");
    }
  }

  @Test
  void socketControllerSaysConnectedAndAcksAnEcho() {
    try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/echo"))) {
      JsonObject connected = ws.awaitSystem("connected");
      assertThat(connected.getJsonObject("payload").getString("connectionId")).isNotBlank();

      ws.sendEvent("1", "echo", "{\"text\":\"hi\",\"n\":7}");
      JsonObject ack = ws.awaitAck("1");
      JsonObject payload = ack.getJsonObject("payload");
      assertThat(payload.getString("status")).isEqualTo("ok");
      assertThat(payload.getJsonObject("data").getString("text")).isEqualTo("hi");
      assertThat(payload.getJsonObject("data").getInt("n")).isEqualTo(7);
    }
  }

  /** No aquilia.sockets.admin.token is configured on the TCK servers: no admin endpoint. */
  @Test
  void adminEndpointIsOffWithoutAToken() throws Exception {
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("_aquilia/admin/sockets"))
                    .header("Authorization", "Bearer anything-at-all-0123456789")
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("connectionId");
  }

  @Test
  void unknownPathIsRejected() {
    int status = WsClient.to(WsClient.wsUri(base, "/no-such-socket")).rejectedStatus();
    assertThat(status).isEqualTo(404);
  }
}
