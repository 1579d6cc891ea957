package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that decides whether a connection may proceed, or gives the priority
 * and stages of a reusable {@link SocketGuard} bean class. A guard method returns {@code boolean}
 * ({@code false} denies) or {@code void} (throwing a {@link SocketFault} denies). Guards run in
 * ascending {@link #priority()} order at the {@link #stages() stages} selected; guard methods and
 * the guard beans named by {@link UseGuards} on the controller class form one ordered list.
 *
 * <p>Parameters of a guard method may be {@link Connection}, {@link PathParam}-annotated path
 * parameters, {@link java.security.Principal} and {@link Envelope} (null at connect).
 *
 * <p>A denial at {@link Stage#CONNECT} closes the connection with {@code 1008} before the {@code
 * connected} message; at {@link Stage#EVENT} and {@link Stage#JOIN} the message is answered with
 * {@code WS_FORBIDDEN} (or the fault's code) and the connection stays open.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Guard {

  /** Lower runs first. */
  int priority() default 100;

  /** When the guard runs. */
  Stage[] stages() default {Stage.CONNECT};

  /** The points at which a guard can run. */
  enum Stage {
    /** Once, when the connection opens; denial closes it with {@code 1008}. */
    CONNECT,
    /** Before a room join; denial answers {@code WS_FORBIDDEN}. */
    JOIN,
    /** Before every event; denial answers {@code WS_FORBIDDEN}. */
    EVENT
  }
}
