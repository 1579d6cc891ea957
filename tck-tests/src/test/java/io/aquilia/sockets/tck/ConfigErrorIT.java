package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.protect.ConfiguredSocket;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.Servers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invalid MicroProfile Config overrides fail the deployment with clear messages: a value that does
 * not parse ({@code AQS-030}) and a key that names no socket ({@code AQS-031}). Liberty only, like
 * {@link DefinitionErrorIT}: the Payara Micro adapter does not report failed deployments.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigErrorIT {

  @Deployment(testable = false)
  @ShouldThrowException(Exception.class)
  static WebArchive deployment() {
    return Deployments.war("badconfig", ConfiguredSocket.class)
        .addAsResource(
            new StringAsset(
                "aquilia.sockets.\"/ws/configured\".message-rate-limit=fast\n"
                    + "aquilia.sockets.\"/ws/nowhere\".max-connections=5\n"),
            "META-INF/microprofile-config.properties");
  }

  @Test
  void deploymentFailsNamingTheKeys() throws IOException {
    if (Servers.libertyMessagesLog().isEmpty()) {
      return; // the failed deployment itself is the assertion (ShouldThrowException)
    }
    String log = Files.readString(Servers.libertyMessagesLog().get(), StandardCharsets.UTF_8);
    assertThat(log)
        .contains(
            "AQS-030 Configuration aquilia.sockets.\"/ws/configured\".message-rate-limit = 'fast'")
        .contains(
            "AQS-031 Unknown configuration key aquilia.sockets.\"/ws/nowhere\".max-connections");
  }
}
