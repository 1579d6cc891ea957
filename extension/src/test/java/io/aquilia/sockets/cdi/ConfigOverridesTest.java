package io.aquilia.sockets.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.runtime.Overrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Overrides read through MicroProfile Config, against a scripted {@link Config}: the key forms, and
 * which unknown names fail the deployment (not those from environment variables, which a server
 * shares between its applications and may expose in a dotted form of its own).
 */
class ConfigOverridesTest {

  @Socket("/ws/configured")
  static class Configured extends SocketController {}

  private record Value(String value, String source, int ordinal) {}

  private final Map<String, Value> values = new LinkedHashMap<>();

  @AfterEach
  void reset() {
    ConfigProviderResolver.setInstance(null);
  }

  private final Map<String, String> environment = new LinkedHashMap<>();

  private Overrides load(List<String> problems) {
    ConfigProviderResolver.setInstance(new Resolver(new Scripted(values)));
    return ConfigOverrides.load(
        getClass().getClassLoader(), List.of(Configured.class), problems, environment::get);
  }

  @Test
  void environmentVariablesFollowMicroProfileNamingAndWinOverTheApplicationsFile() {
    assertThat(ConfigOverrides.envName("aquilia.sockets.\"/ws/chat/:room\".message-rate-limit"))
        .isEqualTo("AQUILIA_SOCKETS___WS_CHAT__ROOM__MESSAGE_RATE_LIMIT");
    values.put(
        "aquilia.sockets.\"/ws/configured\".allowed-origins",
        new Value("http://a.test", "microprofile-config.properties", 100));
    values.put(
        "aquilia.sockets.\"/ws/configured\".message-rate-limit",
        new Value("7", "SysPropConfigSource", 400));
    environment.put(
        "AQUILIA_SOCKETS___WS_CONFIGURED__ALLOWED_ORIGINS", "http://b.test,http://c.test");
    environment.put("AQUILIA_SOCKETS___WS_CONFIGURED__MESSAGE_RATE_LIMIT", "99");
    environment.put("AQUILIA_SOCKETS__WS_CONFIGURED_HEARTBEAT_INTERVAL", "17"); // unquoted form
    List<String> problems = new ArrayList<>();
    Overrides o = load(problems);
    assertThat(problems).isEmpty();
    assertThat(o.value("/ws/configured", "allowedOrigins")).contains("http://b.test,http://c.test");
    assertThat(o.describe("/ws/configured", "allowedOrigins"))
        .isEqualTo("AQUILIA_SOCKETS___WS_CONFIGURED__ALLOWED_ORIGINS");
    assertThat(o.value("/ws/configured", "messageRateLimit"))
        .as("a system property outranks the environment")
        .contains("7");
    assertThat(o.value("/ws/configured", "heartbeatInterval")).contains("17");
  }

  @Test
  void quotedAndPlainKeysOverrideAttributes() {
    values.put(
        "aquilia.sockets.\"/ws/configured\".message-rate-limit",
        new Value("3", "microprofile-config.properties", 100));
    values.put(
        "aquilia.sockets./ws/configured.max-message-size",
        new Value("2048", "SysPropConfigSource", 400));
    List<String> problems = new ArrayList<>();
    Overrides o = load(problems);
    assertThat(problems).isEmpty();
    assertThat(o.value("/ws/configured", "messageRateLimit")).contains("3");
    assertThat(o.value("/ws/configured", "maxMessageSize")).contains("2048");
    assertThat(o.value("/ws/configured", "heartbeatInterval")).isEmpty();
  }

  @Test
  void anUnknownSocketFailsFromAFileButNotFromTheEnvironment() {
    // a server's environment serves every application; names may come back dotted and lower case
    values.put(
        "aquilia.sockets...ws.other...heartbeat.interval", new Value("17", "EnvConfigSource", 300));
    values.put(
        "aquilia.sockets.\"/ws/elsewhere\".heartbeat-interval",
        new Value("9", "Environment Variables", 250));
    values.put(
        "aquilia.sockets.\"/ws/nowhere\".max-connections",
        new Value("5", "microprofile-config.properties", 100));
    List<String> problems = new ArrayList<>();
    load(problems);
    assertThat(problems).singleElement().asString().startsWith("AQS-031").contains("/ws/nowhere");
  }

  /** A Config that answers from a map, with each value's source. */
  private record Scripted(Map<String, Value> values) implements Config {

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      Value v = values.get(name);
      return new ConfigValue() {
        @Override
        public String getName() {
          return name;
        }

        @Override
        public String getValue() {
          return v == null ? null : v.value();
        }

        @Override
        public String getRawValue() {
          return getValue();
        }

        @Override
        public String getSourceName() {
          return v == null ? null : v.source();
        }

        @Override
        public int getSourceOrdinal() {
          return v == null ? 0 : v.ordinal();
        }
      };
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      Value v = values.get(name);
      return v == null ? Optional.empty() : Optional.of(type.cast(v.value()));
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      return type.cast(this);
    }
  }

  /** Gives the scripted Config to every class loader. */
  private static final class Resolver extends ConfigProviderResolver {
    private final Config config;

    Resolver(Config config) {
      this.config = config;
    }

    @Override
    public Config getConfig() {
      return config;
    }

    @Override
    public Config getConfig(ClassLoader loader) {
      return config;
    }

    @Override
    public ConfigBuilder getBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {}

    @Override
    public void releaseConfig(Config config) {}
  }
}
