package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles inbound messages whose {@code event} field equals {@link #value()}.
 *
 * <p>Parameters may be any of: the payload (one parameter of any JSON-B-mappable type, a record for
 * instance, validated with Bean Validation when it carries constraints), {@link Connection}, {@link
 * PathParam}-annotated path parameters, {@link java.security.Principal} and {@link Envelope} (the
 * raw inbound message). The binding plan is computed once, at deployment.
 *
 * <p>When the message carries an {@code id}, the client gets exactly one reply correlated by that
 * id: a success {@code ack} whose {@code payload.data} is the return value, or an error {@code
 * ack}. With {@link #ack()} true, messages without an {@code id} are refused with {@code
 * WS_MESSAGE_INVALID}, since their acknowledgement could not be correlated.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Event {

  /** The event name, e.g. {@code message.send}. Unique within the socket. */
  String value();

  /** Whether the event requires an acknowledgement (and so a message {@code id}). */
  boolean ack() default false;

  /** Bean Validation groups applied to the payload; empty means {@code Default}. */
  Class<?>[] groups() default {};
}
