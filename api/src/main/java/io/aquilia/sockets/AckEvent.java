package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shorthand for {@code @Event(value = ..., ack = true)}: the handler's return value goes back to
 * the client in an {@code ack} envelope correlated by the message {@code id} (never as bare JSON,
 * unlike the Python original). See {@link Event} for the parameters a handler may declare.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AckEvent {

  /** The event name. Unique within the socket. */
  String value();

  /** Bean Validation groups applied to the payload; empty means {@code Default}. */
  Class<?>[] groups() default {};
}
