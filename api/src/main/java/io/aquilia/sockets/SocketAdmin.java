package io.aquilia.sockets;

import java.util.concurrent.CompletionStage;

/**
 * Administrative actions on the running sockets of an application. With a cluster adapter (Redis)
 * every action reaches the whole cluster, whichever instance it is called on; with the in-memory
 * adapter it acts on this server. The runtime publishes the instance as the servlet context
 * attribute named {@code io.aquilia.sockets.SocketAdmin}.
 *
 * <p>Futures fail with {@link IllegalArgumentException} for an unknown namespace or an invalid room
 * name.
 */
public interface SocketAdmin {

  /** The close code of a kicked connection. */
  int KICK_CLOSE_CODE = 4009;

  /**
   * Sends an event to the members of a room ({@code room == null}: every connection of the
   * namespace) on every instance. Completes with the number of recipients on this instance.
   */
  CompletionStage<Integer> broadcast(String namespace, String room, String event, Object payload);

  /**
   * Empties a room on every instance: each member receives {@code room.purged} ({@code {"room",
   * "reason"}}) and then {@code room.left}, and leaves the room (presence announces it). Completes
   * with the number of members purged on this instance.
   */
  CompletionStage<Integer> purgeRoom(String namespace, String room, String reason);

  /**
   * Closes a connection wherever it lives with a close frame {@value #KICK_CLOSE_CODE} and this
   * reason (cut to 123 bytes). Completes with {@code false} if no instance has it open.
   */
  CompletionStage<Boolean> kick(String connectionId, String reason);
}
