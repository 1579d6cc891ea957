package io.aquilia.sockets;

import java.util.Collection;
import java.util.Optional;

/**
 * Reaches the running sockets of the application from any bean (a REST resource, an EJB timer,
 * ...). The extension provides it as an {@code @ApplicationScoped} CDI bean:
 *
 * <pre>{@code
 * @Inject Broadcaster sockets;
 * ...
 * sockets.of(ChatSocket.class).publish("lobby", "news", item);
 * sockets.namespace("/ws/chat/:room").ifPresent(ns -> ns.broadcast("maintenance", notice));
 * }</pre>
 *
 * Injecting the controller itself ({@code @Inject ChatSocket chat; chat.publish(...)}) works as
 * well.
 */
public interface Broadcaster {

  /** The running socket of a controller class. */
  SocketNamespace of(Class<? extends SocketController> controller);

  /** The running socket with this namespace name, if any. */
  Optional<SocketNamespace> namespace(String name);

  /** Every running socket of the application. */
  Collection<SocketNamespace> namespaces();
}
