package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a path parameter of the socket's path template. For {@code
 * /ws/chat/:room}, {@code @PathParam("room") String room}. The value is converted to the
 * parameter's type: {@code String}, the primitive numbers and their wrappers, {@code boolean},
 * {@link java.util.UUID} or an enum (by constant name). A value that does not convert refuses the
 * connection with close code {@code 1008}. A name that is not in the template fails the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {

  /** The parameter name as written in the template, without the colon. */
  String value();
}
