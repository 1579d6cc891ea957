package io.aquilia.sockets.redisson;

import java.io.File;
import java.io.IOException;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/**
 * Builds the one Redisson client of an application: a URL gives a single-server configuration sized
 * for a small server; a YAML file gives any deployment Redisson supports (single, Sentinel,
 * Cluster) without code changes. The codec is always {@link StringCodec}: envelopes travel as text.
 * Commands are not retried (the membership scripts are not idempotent): a command that times out
 * fails, and the adapter falls back to what it knows locally.
 */
final class RedissonClients {

  /** Redisson's defaults, replaced by ours when a YAML file does not set them. */
  private static final int REDISSON_DEFAULT_THREADS = 16;

  private static final int REDISSON_DEFAULT_NETTY_THREADS = 32;

  private RedissonClients() {}

  /** The configuration, without connecting. */
  static Config config(RedisSettings s) {
    Config c;
    if (s.configFile() != null) {
      try {
        c = Config.fromYAML(new File(s.configFile()));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            Messages.badConfigFile(s.configFile(), e.getMessage()), e);
      }
      if (c.getThreads() == REDISSON_DEFAULT_THREADS) {
        c.setThreads(s.threads());
      }
      if (c.getNettyThreads() == REDISSON_DEFAULT_NETTY_THREADS) {
        c.setNettyThreads(s.nettyThreads());
      }
    } else {
      c = new Config();
      int timeout = (int) s.timeoutMillis();
      SingleServerConfig single = c.useSingleServer().setAddress(s.url());
      single
          .setConnectionMinimumIdleSize(1)
          .setConnectionPoolSize(4)
          .setSubscriptionConnectionMinimumIdleSize(1)
          .setSubscriptionConnectionPoolSize(2)
          .setConnectTimeout(2000)
          .setTimeout(timeout)
          .setRetryAttempts(0)
          .setPingConnectionInterval(1000);
      c.setThreads(s.threads());
      c.setNettyThreads(s.nettyThreads());
    }
    c.setCodec(StringCodec.INSTANCE);
    return c;
  }

  /** Connects; throws if Redis cannot be reached. */
  static RedissonClient connect(Config config) {
    return Redisson.create(config);
  }
}
