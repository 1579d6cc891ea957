package io.aquilia.sockets.cdi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Configuration values by key ({@code aquilia.sockets.*}), looked up in this order: MicroProfile
 * Config (when the server provides it; it also covers system properties and environment variables),
 * system properties, environment variables ({@code AQUILIA_SOCKETS_ADAPTER} for {@code
 * aquilia.sockets.adapter}), then {@code META-INF/aquilia-sockets.properties} of the application.
 * MicroProfile Config is used reflectively, so servers without it work too.
 */
final class Settings implements Function<String, Optional<String>> {

  private static final Logger LOG = Logger.getLogger(Settings.class.getName());

  private final Object mpConfig;
  private final Method getOptionalValue;
  private final Properties file = new Properties();

  private Settings(ClassLoader loader) {
    Object config = null;
    Method get = null;
    try {
      Class<?> provider =
          Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
      config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
      get = config.getClass().getMethod("getOptionalValue", String.class, Class.class);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "No MicroProfile Config: using system properties and the manifest", e);
      config = null;
      get = null;
    }
    this.mpConfig = config;
    this.getOptionalValue = get;
    try {
      Enumeration<URL> urls = loader.getResources(Manifest.RESOURCE);
      while (urls.hasMoreElements()) {
        try (InputStream in = urls.nextElement().openStream()) {
          Properties p = new Properties();
          p.load(in);
          p.forEach(file::putIfAbsent);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "Cannot read " + Manifest.RESOURCE, e);
    }
  }

  /** The settings seen by an application's class loader. */
  static Settings of(ClassLoader loader) {
    return new Settings(loader);
  }

  @Override
  public Optional<String> apply(String key) {
    if (mpConfig != null) {
      try {
        Object v = getOptionalValue.invoke(mpConfig, key, String.class);
        if (v instanceof Optional<?> o && o.isPresent()) {
          return Optional.of(o.get().toString());
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.FINE, "MicroProfile Config lookup of " + key + " failed", e);
      }
    }
    String sys = System.getProperty(key);
    if (sys != null) {
      return Optional.of(sys);
    }
    String env = System.getenv(ConfigOverrides.envName(key));
    if (env != null) {
      return Optional.of(env);
    }
    return Optional.ofNullable(file.getProperty(key)).map(String::trim);
  }
}
