package io.aquilia.sockets;

import java.util.Collection;
import java.util.Optional;

/**
 * A deployed socket at run time: its connections and the operations that reach them. Obtain it from
 * {@link SocketController#namespace()}.
 */
public interface SocketNamespace {

  /** The namespace name (the path template unless {@link Socket#namespace()} names it). */
  String name();

  /** The path template, e.g. {@code /ws/chat/:room}. */
  String path();

  /** A snapshot of the open connections. */
  Collection<Connection> connections();

  /** The open connection with this id, if any. */
  Optional<Connection> connection(String id);

  /**
   * Sends an event to every open connection of the namespace. The envelope is encoded once.
   *
   * @return the number of connections it was queued for
   */
  int broadcast(String event, Object payload);
}
