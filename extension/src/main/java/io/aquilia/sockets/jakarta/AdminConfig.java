package io.aquilia.sockets.jakarta;

import java.util.Optional;

/**
 * Reads the admin token: through MicroProfile Config when the server provides it (system
 * properties, environment, {@code META-INF/microprofile-config.properties}, server variables),
 * otherwise from the system property or the environment variable directly.
 */
final class AdminConfig {

  /** The configuration key of the admin token. */
  static final String TOKEN_KEY = "aquilia.sockets.admin.token";

  /** The environment form of the key. */
  static final String TOKEN_ENV = "AQUILIA_SOCKETS_ADMIN_TOKEN";

  private AdminConfig() {}

  /** The configured token, if any (blank counts as none). */
  static Optional<String> token() {
    Optional<String> v;
    try {
      v = MicroProfile.lookup(TOKEN_KEY);
    } catch (LinkageError | RuntimeException noMpConfig) {
      v =
          Optional.ofNullable(System.getProperty(TOKEN_KEY))
              .or(() -> Optional.ofNullable(System.getenv(TOKEN_ENV)));
    }
    return v.map(String::strip).filter(s -> !s.isEmpty());
  }

  /** Isolates the MicroProfile Config types, which may be missing at run time. */
  private static final class MicroProfile {
    static Optional<String> lookup(String key) {
      return org.eclipse.microprofile.config.ConfigProvider.getConfig()
          .getOptionalValue(key, String.class);
    }
  }
}
