package io.aquilia.sockets.spi;

import io.aquilia.sockets.SocketNamespace;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links controller classes to their running sockets, so that {@link
 * io.aquilia.sockets.SocketController} methods work on any instance, including ones injected
 * elsewhere. The runtime registers at deployment and unregisters at undeployment; applications do
 * not call it. The registry lives in the API jar, so it is per application when the jar is in
 * {@code WEB-INF/lib}.
 */
public final class NamespaceRegistry {

  private static final Map<Class<?>, SocketNamespace> BY_CLASS = new ConcurrentHashMap<>();

  private NamespaceRegistry() {}

  /** Registers the running socket of a controller class. */
  public static void register(Class<?> controllerClass, SocketNamespace namespace) {
    BY_CLASS.put(controllerClass, namespace);
  }

  /** Removes a controller class's registration. */
  public static void unregister(Class<?> controllerClass) {
    BY_CLASS.remove(controllerClass);
  }

  /** The running socket with this namespace name, if any. */
  public static Optional<SocketNamespace> lookup(String namespace) {
    return BY_CLASS.values().stream().filter(ns -> ns.name().equals(namespace)).findFirst();
  }

  /** Every running socket (a snapshot). */
  public static Collection<SocketNamespace> all() {
    return List.copyOf(BY_CLASS.values());
  }

  /**
   * The running socket for a class or for one of its superclasses (so that CDI client proxies,
   * which subclass the controller, resolve too).
   */
  public static Optional<SocketNamespace> lookup(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      SocketNamespace ns = BY_CLASS.get(c);
      if (ns != null) {
        return Optional.of(ns);
      }
    }
    return Optional.empty();
  }
}
