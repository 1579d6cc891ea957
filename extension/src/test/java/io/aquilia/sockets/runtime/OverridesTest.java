package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.OverflowPolicy;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Configuration overrides of {@code @Socket} attributes: applied, parsed, validated. */
class OverridesTest {

  @Socket(value = "/ws/o/:room", messageRateLimit = 10)
  public static class O extends SocketController {
    @AckEvent("x")
    public String x() {
      return "x";
    }
  }

  static Overrides of(Map<String, String> values) {
    return new Overrides() {
      @Override
      public Optional<String> value(String path, String attribute) {
        assertThat(path).isEqualTo("/ws/o/:room");
        return Optional.ofNullable(values.get(attribute));
      }

      @Override
      public String describe(String path, String attribute) {
        return "key(" + attribute + ")";
      }
    };
  }

  @Test
  void everyKindOfAttributeCanBeOverridden() {
    DeploymentModel d =
        DeploymentModel.of(
            List.of(O.class),
            of(
                Map.of(
                    "messageRateLimit", "50",
                    "rateLimitBurst", "80",
                    "rateLimitPerUser", "TRUE",
                    "maxMessageSize", "2048",
                    "overflowPolicy", "drop-newest",
                    "allowedOrigins", "https://a.test, https://*.b.test",
                    "allowMissingOrigin", "false",
                    "maxConnectionsPerIp", "3")));
    assertThat(d.problems().messages()).isEmpty();
    ControllerModel m = d.models().get(0);
    assertThat(m.limits().messageRateLimit()).isEqualTo(50);
    assertThat(m.limits().maxMessageSize()).isEqualTo(2048);
    assertThat(m.limits().overflowPolicy()).isEqualTo(OverflowPolicy.DROP_NEWEST);
    assertThat(m.limits().allowedOrigins()).containsExactly("https://a.test", "https://*.b.test");
    assertThat(m.protection().rate().burst()).isEqualTo(80);
    assertThat(m.protection().rate().perUser()).isTrue();
    assertThat(m.protection().allowMissingOrigin()).isFalse();
    assertThat(m.protection().maxConnectionsPerIp()).isEqualTo(3);
    assertThat(m.summary()).contains("messageRateLimit=50").contains("rateLimit=50/s burst 80");
  }

  @Test
  void invalidValuesFailTheDeploymentNamingTheKey() {
    DeploymentModel d =
        DeploymentModel.of(
            List.of(O.class),
            of(
                Map.of(
                    "messageRateLimit", "fast",
                    "rateLimitPerUser", "yes",
                    "overflowPolicy", "sometimes",
                    "maxConnections", "-1",
                    "allowedOrigins", "evil")));
    assertThat(d.models()).isEmpty();
    assertThat(d.problems().messages())
        .anyMatch(p -> p.startsWith("AQS-030 Configuration key(messageRateLimit) = 'fast'"))
        .anyMatch(p -> p.startsWith("AQS-030") && p.contains("rateLimitPerUser"))
        .anyMatch(p -> p.startsWith("AQS-030") && p.contains("DROP_OLDEST"))
        .anyMatch(p -> p.startsWith("AQS-010") && p.contains("maxConnections = -1"))
        .anyMatch(p -> p.startsWith("AQS-014") && p.contains("'evil'"));
  }

  @Test
  void theBurstDefaultsToTheRate() {
    ControllerModel m = DeploymentModel.of(List.of(O.class)).models().get(0);
    assertThat(m.protection().rate().burst()).isEqualTo(10);
    assertThat(m.protection().rate().closeAfter()).isEqualTo(10);
  }
}
