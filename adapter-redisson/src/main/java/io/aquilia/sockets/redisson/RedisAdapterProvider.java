package io.aquilia.sockets.redisson;

import io.aquilia.sockets.spi.SocketAdapter;
import io.aquilia.sockets.spi.SocketAdapterProvider;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Registers the Redis adapter under the name {@code redis} ({@code aquilia.sockets.adapter}). */
public final class RedisAdapterProvider implements SocketAdapterProvider {

  /** For {@link java.util.ServiceLoader}. */
  public RedisAdapterProvider() {}

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public List<String> check(Function<String, Optional<String>> config) {
    try {
      RedissonClients.config(RedisSettings.from(config));
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  @Override
  public SocketAdapter create(Function<String, Optional<String>> config) {
    return new RedisSocketAdapter(RedisSettings.from(config));
  }
}
