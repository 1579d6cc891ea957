package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies {@link SocketMiddleware} beans to one socket (on the controller class) or to one event
 * (on a handler method). Every class named must be a CDI bean (or have a public no-argument
 * constructor); this is checked at deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UseMiddleware {

  /** The middleware classes; their {@code jakarta.annotation.Priority} orders them. */
  Class<? extends SocketMiddleware>[] value();
}
