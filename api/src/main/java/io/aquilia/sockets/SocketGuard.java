package io.aquilia.sockets;

/**
 * A reusable guard: a CDI bean that decides whether a connection may open, join a room or send an
 * event. Name it in {@link UseGuards} on a controller class (it runs at the stages given by {@link
 * Guard#stages()} on the guard class, {@link Guard.Stage#CONNECT} by default) or on a handler
 * method (it runs before that event only). {@link Guard#priority()} on the guard class orders it
 * among the controller's guard methods (default 100).
 *
 * <pre>{@code
 * @ApplicationScoped
 * @Guard(priority = 10, stages = {Guard.Stage.CONNECT, Guard.Stage.EVENT})
 * public class MembersOnly implements SocketGuard {
 *   public boolean allow(GuardContext ctx) {
 *     return ctx.connection().principal().isPresent();
 *   }
 * }
 * }</pre>
 *
 * <p>Returning {@code false} denies; throwing a {@link SocketFault} denies with that fault; any
 * other exception denies as a server error ({@code 1011} at connect, {@code WS_INTERNAL_ERROR} per
 * message). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SocketGuard {

  /** Whether the connection may proceed at {@link GuardContext#stage()}. */
  boolean allow(GuardContext context);
}
