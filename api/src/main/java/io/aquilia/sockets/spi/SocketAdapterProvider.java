package io.aquilia.sockets.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates a {@link SocketAdapter} selected by configuration. Adapters that live in their own jar
 * (the Redis adapter, {@code aquilia-sockets-adapter-redisson}) register an implementation in
 * {@code META-INF/services/io.aquilia.sockets.spi.SocketAdapterProvider}; the runtime picks the one
 * whose {@link #name()} equals the configuration key {@code aquilia.sockets.adapter} ({@code
 * memory}, the default, needs no provider). So an application that does not use an adapter jar
 * never has it, or its dependencies, on its classpath.
 *
 * <p>The configuration lookup maps a key to its value, from MicroProfile Config when the server has
 * it, then system properties, then {@code META-INF/aquilia-sockets.properties}.
 */
public interface SocketAdapterProvider {

  /** The name selected by {@code aquilia.sockets.adapter}, e.g. {@code redis}. */
  String name();

  /**
   * Checks the configuration before the application starts; each returned line is a deployment
   * problem. Must not connect to anything.
   */
  List<String> check(Function<String, Optional<String>> config);

  /**
   * Creates the application's adapter (once per application). Must not block on the network: an
   * unreachable backend must not prevent the application from starting.
   */
  SocketAdapter create(Function<String, Optional<String>> config);
}
