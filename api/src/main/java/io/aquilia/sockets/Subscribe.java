package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles a client's request to join a room (by default the event {@code
 * room.join}). Parameters are bound as for {@link Event}. The handler may refuse by throwing a
 * {@link SocketFault}; the reply is an acknowledgement.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Subscribe {

  /** The event name; {@code room.join} by default. */
  String value() default "room.join";
}
