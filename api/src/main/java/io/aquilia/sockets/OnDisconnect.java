package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method called exactly once when a connection ends, whatever ended it: the client, the
 * server, an error, a heartbeat timeout or an undeployment.
 *
 * <p>Parameters may be any of: {@link Connection}, {@link CloseStatus} (the code and reason),
 * {@link PathParam}-annotated path parameters, {@link java.security.Principal}. Exceptions are
 * logged and do not affect other connections. At most one such method per controller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {}
