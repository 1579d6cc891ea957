package io.aquilia.sockets.cdi;

import io.aquilia.sockets.Socket;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.runtime.Overrides;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code @Socket} attributes overridden through MicroProfile Config, when the server has it.
 *
 * <p>Key: {@code aquilia.sockets."<path template>".<attribute in kebab case>}, for example {@code
 * aquilia.sockets."/ws/chat/:room".message-rate-limit=50}. The quotes may be left out when the path
 * has no dot. As an environment variable, MicroProfile Config's rules apply: every character that
 * is not a letter or digit becomes {@code _}, upper case: {@code
 * AQUILIA_SOCKETS___WS_CHAT__ROOM__MESSAGE_RATE_LIMIT=50} (the quoted key; {@code
 * AQUILIA_SOCKETS__WS_CHAT__ROOM_MESSAGE_RATE_LIMIT} is the unquoted one). A key under {@code
 * aquilia.sockets.} that names no socket or no attribute fails the deployment ({@code AQS-031}); so
 * does a value that does not parse ({@code AQS-030}). Names that come from environment variables
 * are not checked that way: their form cannot be told apart reliably (servers expose them with dots
 * of their own), and one server's environment serves all its applications.
 */
final class ConfigOverrides implements Overrides {

  static final String PREFIX = "aquilia.sockets.";

  /**
   * Keys under {@link #PREFIX} that belong to other parts of the extension, not to a socket: the
   * admin endpoint's token ({@code jakarta.AdminConfig}) and the adapter selection ({@code
   * AdapterSelection}); and the prefix of the Redis adapter's own keys.
   */
  static final Set<String> OTHER_KEYS =
      Set.of(
          "aquilia.sockets.admin.token", "aquilia.sockets.adapter", "aquilia.sockets.instance-id");

  static final String REDIS_PREFIX = "aquilia.sockets.redis.";

  /** The default ordinal of MicroProfile Config's environment variables source. */
  static final int ENV_ORDINAL = 300;

  private static final String CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
  private static final Logger LOG = Logger.getLogger(ConfigOverrides.class.getName());

  private final Map<String, String> values;
  private final Map<String, String> keys;

  private ConfigOverrides(Map<String, String> values, Map<String, String> keys) {
    this.values = values;
    this.keys = keys;
  }

  /**
   * Reads the overrides for these controllers; records unknown keys in {@code problems}. Without
   * MicroProfile Config, there are none.
   */
  static Overrides load(
      ClassLoader loader, Collection<Class<?>> controllers, List<String> problems) {
    if (!present(loader)) {
      return Overrides.NONE;
    }
    return load(loader, controllers, problems, System::getenv);
  }

  /**
   * As {@link #load(ClassLoader, Collection, List)}, reading environment variables from {@code
   * env}.
   */
  static Overrides load(
      ClassLoader loader,
      Collection<Class<?>> controllers,
      List<String> problems,
      java.util.function.UnaryOperator<String> env) {
    if (!present(loader)) {
      return Overrides.NONE;
    }
    return MpConfig.read(loader, paths(controllers), problems, env);
  }

  /**
   * A key as an environment variable, by MicroProfile Config's rule: every character that is not a
   * letter or digit becomes {@code _}, upper case.
   */
  static String envName(String key) {
    StringBuilder b = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      b.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return b.toString();
  }

  @Override
  public Optional<String> value(String pathTemplate, String attribute) {
    return Optional.ofNullable(values.get(pathTemplate + '\u0000' + attribute));
  }

  @Override
  public String describe(String pathTemplate, String attribute) {
    return keys.getOrDefault(pathTemplate + '\u0000' + attribute, key(pathTemplate, attribute));
  }

  /** The quoted key of an attribute. */
  static String key(String path, String attribute) {
    return PREFIX + '"' + path + "\"." + kebab(attribute);
  }

  static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Set<String> paths(Collection<Class<?>> controllers) {
    Set<String> out = new LinkedHashSet<>();
    for (Class<?> c : controllers) {
      Socket s = c.getAnnotation(Socket.class);
      if (s != null) {
        out.add(s.value().isEmpty() ? s.path() : s.value());
      }
    }
    return out;
  }

  private static boolean present(ClassLoader loader) {
    try {
      Class.forName(CONFIG_PROVIDER, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The only class that touches MicroProfile Config, loaded only when it is present. */
  private static final class MpConfig {

    static Overrides read(
        ClassLoader loader,
        Set<String> paths,
        List<String> problems,
        java.util.function.UnaryOperator<String> env) {
      org.eclipse.microprofile.config.Config config =
          org.eclipse.microprofile.config.ConfigProvider.getConfig(loader);
      Map<String, String> attributes = new HashMap<>();
      for (String a : Overrides.ATTRIBUTES) {
        attributes.put(kebab(a), a);
      }
      Map<String, String> values = new HashMap<>();
      Map<String, String> keys = new HashMap<>();
      for (String path : paths) {
        for (String attribute : Overrides.ATTRIBUTES) {
          String quoted = key(path, attribute);
          String plain = PREFIX + path + "." + kebab(attribute);
          String key = null;
          String value = null;
          int ordinal = Integer.MIN_VALUE;
          for (String k : List.of(quoted, plain)) {
            Optional<String> v = config.getOptionalValue(k, String.class);
            if (v.isPresent()) {
              key = k;
              value = v.get();
              ordinal = ordinal(config, k);
              break;
            }
          }
          // read the variable too, whatever the server's own mapping of quoted keys; it wins over
          // sources below the environment's ordinal
          if (ordinal < ENV_ORDINAL) {
            for (String k : List.of(envName(quoted), envName(plain))) {
              String v = env.apply(k);
              if (v != null) {
                key = k;
                value = v;
                break;
              }
            }
          }
          if (key != null) {
            values.put(path + '\u0000' + attribute, value);
            keys.put(path + '\u0000' + attribute, key);
            LOG.info(Messages.overrideApplied(key, value));
          }
        }
      }
      for (String name : config.getPropertyNames()) {
        if (name.startsWith(PREFIX)
            && !OTHER_KEYS.contains(name)
            && !name.startsWith(REDIS_PREFIX)
            && !fromEnvironment(config, name)) {
          unknown(name, paths, attributes)
              .ifPresent(why -> problems.add(Messages.unknownConfigKey(name, why)));
        }
      }
      return new ConfigOverrides(values, keys);
    }

    private static int ordinal(org.eclipse.microprofile.config.Config config, String name) {
      try {
        return config.getConfigValue(name).getSourceOrdinal();
      } catch (RuntimeException | LinkageError e) {
        return ENV_ORDINAL + 1; // unknown: keep the value MicroProfile Config chose
      }
    }

    /** Whether the value of a name comes from the environment variables' config source. */
    private static boolean fromEnvironment(
        org.eclipse.microprofile.config.Config config, String name) {
      try {
        org.eclipse.microprofile.config.ConfigValue v = config.getConfigValue(name);
        String source = v.getSourceName() == null ? "" : v.getSourceName();
        return v.getSourceOrdinal() == ENV_ORDINAL
            || source.toLowerCase(Locale.ROOT).contains("env");
      } catch (RuntimeException | LinkageError e) {
        return false;
      }
    }

    private static Optional<String> unknown(
        String name, Set<String> paths, Map<String, String> attributes) {
      String rest = name.substring(PREFIX.length());
      String path;
      String attribute;
      if (rest.startsWith("\"")) {
        int end = rest.indexOf('"', 1);
        if (end < 0 || end + 2 > rest.length() || rest.charAt(end + 1) != '.') {
          return Optional.of("expected aquilia.sockets.\"<path>\".<attribute>");
        }
        path = rest.substring(1, end);
        attribute = rest.substring(end + 2);
      } else {
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
          return Optional.of("expected aquilia.sockets.\"<path>\".<attribute>");
        }
        path = rest.substring(0, dot);
        attribute = rest.substring(dot + 1);
      }
      if (!paths.contains(path)) {
        return Optional.of("no socket has the path " + path + "; sockets: " + paths);
      }
      if (!attributes.containsKey(attribute.toLowerCase(Locale.ROOT))) {
        return Optional.of(
            "'"
                + attribute
                + "' is not an overridable attribute; use one of "
                + attributes.keySet());
      }
      return Optional.empty();
    }
  }
}
