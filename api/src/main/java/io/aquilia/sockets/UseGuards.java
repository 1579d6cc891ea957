package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies reusable {@link SocketGuard} beans. On a controller class, each guard runs at the stages
 * its class declares with {@link Guard} ({@link Guard.Stage#CONNECT} by default); on a handler
 * method, before that event only. Every class named must be a CDI bean (or have a public
 * no-argument constructor); this is checked at deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UseGuards {

  /** The guard classes, in any order: {@link Guard#priority()} decides. */
  Class<? extends SocketGuard>[] value();
}
