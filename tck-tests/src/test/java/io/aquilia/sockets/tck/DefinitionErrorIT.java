package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.broken.BrokenSocket;
import io.aquilia.sockets.tck.support.Deployments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A controller with definition errors fails the deployment, and every error is reported at once.
 * The per-error messages are covered one by one by the extension's unit tests; here the server
 * proves that they stop the application. Where the server log is reachable (Liberty), it must name
 * both errors.
 */
@ExtendWith(ArquillianExtension.class)
class DefinitionErrorIT {

  @Deployment(testable = false)
  @ShouldThrowException(Exception.class)
  static WebArchive deployment() {
    return Deployments.war("broken", BrokenSocket.class);
  }

  @Test
  void deploymentFailsAndReportsEveryDefinitionError() throws IOException {
    String wlp = System.getProperty("wlp.home");
    if (wlp == null) {
      return; // not Liberty: the failed deployment itself is the assertion (ShouldThrowException)
    }
    Path log =
        Path.of(
            wlp,
            "usr",
            "servers",
            System.getProperty("arq.server.name", "arqServer"),
            "logs",
            "messages.log");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("AQS-005 Two handlers")
        .contains("BrokenSocket#first()")
        .contains("BrokenSocket#second()")
        .contains("AQS-008")
        .contains("@PathParam(\"nope\")");
  }
}
