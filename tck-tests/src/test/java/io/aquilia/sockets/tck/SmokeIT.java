package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.WsClient;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the plumbing: a WAR deployed by Arquillian answers a WebSocket round trip. */
@ExtendWith(ArquillianExtension.class)
class SmokeIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.bare("smoke", PlainEchoEndpoint.class);
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
  void unknownPathIsRejected() {
    int status = WsClient.to(WsClient.wsUri(base, "/no-such-socket")).rejectedStatus();
    assertThat(status).isEqualTo(404);
  }
}
