package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that decides whether a connection may proceed. A guard returns {@code
 * boolean} ({@code false} denies) or {@code void} (throwing a {@link SocketFault} denies). Guards
 * run in ascending {@link #priority()} order at the {@link #stages() stages} selected.
 *
 * <p>Parameters may be {@link Connection}, {@link PathParam}-annotated path parameters, {@link
 * java.security.Principal} and {@link Envelope} (null at connect).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
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
