package io.aquilia.sockets.redisson;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The adapter's configuration, read once at start from configuration keys (MicroProfile Config,
 * system properties, {@code META-INF/aquilia-sockets.properties}; see the README):
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><td>{@code aquilia.sockets.redis.url}</td><td>{@code redis://host:port} (one server);
 *       default {@code redis://127.0.0.1:6379}</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.config}</td><td>path of a Redisson YAML file (single,
 *       Sentinel or Cluster); wins over the URL</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.prefix}</td><td>key and channel prefix, default
 *       {@code aquilia}</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.secret}</td><td>shared HMAC secret; when set, unsigned or
 *       wrongly signed messages are dropped</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.heartbeat}</td><td>seconds between instance heartbeats,
 *       default 5</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.ttl}</td><td>seconds after which a silent instance is dead,
 *       default 15</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.recovery-size}</td><td>entries kept per recoverable room,
 *       default 1000</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.threads}, {@code .netty-threads}</td><td>Redisson pools,
 *       default 2 and 4</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.timeout}</td><td>seconds a command may take (URL
 *       configuration), default 3</td></tr>
 *   <tr><td>{@code aquilia.sockets.redis.sharded}</td><td>{@code auto} (sharded topics on a Redis
 *       Cluster), {@code true} or {@code false}</td></tr>
 *   <tr><td>{@code aquilia.sockets.instance-id}</td><td>this instance's id, default a random
 *       UUID</td></tr>
 * </table>
 *
 * @param url the Redis URL
 * @param configFile the Redisson YAML file, or null
 * @param prefix key and channel prefix
 * @param secret the HMAC secret, or null
 * @param instanceId this instance's id
 * @param heartbeatMillis time between heartbeats
 * @param ttlMillis time after which an instance without heartbeat is dead
 * @param recoverySize entries kept per recoverable room
 * @param threads Redisson's codec/listener threads
 * @param nettyThreads Redisson's Netty threads
 * @param sharded "auto", "true" or "false"
 * @param maxBackoffMillis the longest wait between two connection attempts
 * @param timeoutMillis how long a Redis command may take before it counts as failed
 */
public record RedisSettings(
    String url,
    String configFile,
    String prefix,
    String secret,
    String instanceId,
    long heartbeatMillis,
    long ttlMillis,
    int recoverySize,
    int threads,
    int nettyThreads,
    String sharded,
    long maxBackoffMillis,
    long timeoutMillis) {

  /** The key prefix of every setting. */
  public static final String KEY = "aquilia.sockets.redis.";

  /** Checks the values. */
  public RedisSettings {
    if (prefix == null || prefix.isBlank() || prefix.contains("{") || prefix.contains("}")) {
      throw new IllegalArgumentException(
          Messages.badSetting("prefix", prefix, "a non-blank text without braces"));
    }
    if (heartbeatMillis <= 0 || ttlMillis < 2 * heartbeatMillis) {
      throw new IllegalArgumentException(
          Messages.badSetting(
              "ttl", ttlMillis / 1000.0 + "s", "at least twice the heartbeat, which must be > 0"));
    }
    if (timeoutMillis < 100) {
      throw new IllegalArgumentException(
          Messages.badSetting("timeout", timeoutMillis / 1000.0 + "s", "at least 0.1"));
    }
    if (recoverySize < 1 || threads < 1 || nettyThreads < 1) {
      throw new IllegalArgumentException(
          Messages.badSetting("recovery-size/threads", recoverySize + "/" + threads, "at least 1"));
    }
    if (!sharded.equals("auto") && !sharded.equals("true") && !sharded.equals("false")) {
      throw new IllegalArgumentException(
          Messages.badSetting("sharded", sharded, "auto, true or false"));
    }
    secret = secret == null || secret.isEmpty() ? null : secret;
  }

  /** Reads the settings through a configuration lookup (key to value). */
  public static RedisSettings from(Function<String, Optional<String>> config) {
    return new RedisSettings(
        config.apply(KEY + "url").orElse("redis://127.0.0.1:6379"),
        config.apply(KEY + "config").orElse(null),
        config.apply(KEY + "prefix").orElse("aquilia"),
        config.apply(KEY + "secret").orElse(null),
        config.apply("aquilia.sockets.instance-id").orElseGet(() -> UUID.randomUUID().toString()),
        millis(config, "heartbeat", "5"),
        millis(config, "ttl", "15"),
        integer(config, "recovery-size", "1000"),
        integer(config, "threads", "2"),
        integer(config, "netty-threads", "4"),
        config.apply(KEY + "sharded").orElse("auto").trim(),
        30_000,
        millis(config, "timeout", "3"));
  }

  /** Where Redis is, for log lines (no password). */
  public String target() {
    if (configFile != null) {
      return "Redisson config " + configFile;
    }
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  private static long millis(Function<String, Optional<String>> config, String key, String def) {
    String v = config.apply(KEY + key).orElse(def).trim();
    try {
      return Math.round(Double.parseDouble(v) * 1000);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(Messages.badSetting(key, v, "a number of seconds"));
    }
  }

  private static int integer(Function<String, Optional<String>> config, String key, String def) {
    String v = config.apply(KEY + key).orElse(def).trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(Messages.badSetting(key, v, "an integer"));
    }
  }
}
