package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method called once when a connection opens, after the handshake and before any message
 * of that connection is handled.
 *
 * <p>Parameters may be any of: {@link Connection}, {@link PathParam}-annotated path parameters,
 * {@link java.security.Principal}. The return value is ignored. Throwing a {@link SocketFault}
 * closes the connection with the fault's close code and message; any other exception closes it with
 * {@code 1011}. At most one such method per controller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnect {}
