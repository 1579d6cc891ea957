package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles a client's request to join a room (by default the event {@code
 * room.join}, payload {@code {"room": "lobby"}}). Declaring such a method is what lets clients join
 * rooms of this socket; without one, {@code room.join} is an unsupported event.
 *
 * <p>Parameters are bound as for {@link Event}; the payload parameter may be any type (for example
 * a record with the room and a password). The message needs an {@code id}. In order: {@code EVENT}
 * guards, payload binding and validation, {@link Guard.Stage#JOIN} guards, this method, then the
 * runtime joins the room and acknowledges with a {@link RoomState}.
 *
 * <p>The room is the method's return value when it returns a non-null {@code String} (or a {@code
 * CompletionStage} of one), else the {@code room} property of the payload. The method refuses the
 * join by throwing a {@link SocketFault}, which the client receives as an error acknowledgement. A
 * connection already in the room is answered with {@code WS_ALREADY_SUBSCRIBED}.
 *
 * <p>Return type: {@code void}, {@code String}, or {@code CompletionStage<String>} / {@code
 * CompletionStage<Void>}; anything else fails the deployment ({@code AQS-020}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Subscribe {

  /** The event name; {@code room.join} by default. */
  String value() default "room.join";
}
