package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles a client's request to leave a room (by default the event {@code
 * room.leave}, payload {@code {"room": "lobby"}}). Parameters are bound as for {@link Event}; the
 * message needs an {@code id}. After the method completes without a fault, the runtime removes the
 * connection from the room and acknowledges with the room's remaining {@link RoomState}; a
 * connection not in the room is answered with {@code WS_NOT_SUBSCRIBED}. The room is chosen as for
 * {@link Subscribe}, and the same return types are allowed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unsubscribe {

  /** The event name; {@code room.leave} by default. */
  String value() default "room.leave";
}
