package io.aquilia.sockets.cdi;

import io.aquilia.sockets.Broadcaster;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketNamespace;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.spi.NamespaceRegistry;
import java.util.Collection;
import java.util.Optional;

/** The {@link Broadcaster} bean: a view of the application's {@link NamespaceRegistry}. */
final class RegistryBroadcaster implements Broadcaster {

  @Override
  public SocketNamespace of(Class<? extends SocketController> controller) {
    return NamespaceRegistry.lookup(controller)
        .orElseThrow(() -> new IllegalStateException(Messages.notDeployed(controller.getName())));
  }

  @Override
  public Optional<SocketNamespace> namespace(String name) {
    return NamespaceRegistry.lookup(name);
  }

  @Override
  public Collection<SocketNamespace> namespaces() {
    return NamespaceRegistry.all();
  }
}
