package io.aquilia.sockets.cdi;

import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.spi.SocketAdapter;
import io.aquilia.sockets.spi.SocketAdapterProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Chooses the application's adapter from the configuration key {@code aquilia.sockets.adapter}:
 * {@code memory} (the default) is the runtime's own in-memory adapter; any other value names a
 * {@link SocketAdapterProvider} found with {@link ServiceLoader} in the application (for {@code
 * redis}: the {@code aquilia-sockets-adapter-redisson} jar in {@code WEB-INF/lib}). A CDI bean of
 * type {@link SocketAdapter} produced by the application wins over the configuration.
 */
final class AdapterSelection {

  /** The configuration key. */
  static final String KEY = "aquilia.sockets.adapter";

  /** The default. */
  static final String MEMORY = "memory";

  private AdapterSelection() {}

  /** The configured adapter name. */
  static String name(Function<String, Optional<String>> config) {
    return config.apply(KEY).map(String::trim).filter(s -> !s.isEmpty()).orElse(MEMORY);
  }

  /** Deployment problems of the configuration (no connection is made). */
  static List<String> check(ClassLoader loader, Function<String, Optional<String>> config) {
    String name = name(config);
    if (MEMORY.equals(name)) {
      return List.of();
    }
    Optional<SocketAdapterProvider> p = provider(loader, name);
    if (p.isEmpty()) {
      return List.of(noProvider(loader, name));
    }
    List<String> problems = new ArrayList<>();
    for (String problem : p.get().check(config)) {
      problems.add(Messages.adapterMisconfigured(name, problem));
    }
    return problems;
  }

  /** The configured adapter, or empty for the in-memory default. */
  static Optional<SocketAdapter> create(
      ClassLoader loader, Function<String, Optional<String>> config) {
    String name = name(config);
    if (MEMORY.equals(name)) {
      return Optional.empty();
    }
    SocketAdapterProvider p =
        provider(loader, name)
            .orElseThrow(() -> new IllegalStateException(noProvider(loader, name)));
    return Optional.of(p.create(config));
  }

  private static Optional<SocketAdapterProvider> provider(ClassLoader loader, String name) {
    for (SocketAdapterProvider p : ServiceLoader.load(SocketAdapterProvider.class, loader)) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String noProvider(ClassLoader loader, String name) {
    List<String> known = new ArrayList<>(List.of(MEMORY));
    ServiceLoader.load(SocketAdapterProvider.class, loader).forEach(p -> known.add(p.name()));
    return Messages.noAdapterProvider(KEY, name, String.join(", ", known), "redis".equals(name));
  }
}
