package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles a client's request to leave a room (by default the event {@code
 * room.leave}). Parameters are bound as for {@link Event}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unsubscribe {

  /** The event name; {@code room.leave} by default. */
  String value() default "room.leave";
}
