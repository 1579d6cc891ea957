package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an event that the socket sends to its clients ({@link Connection#send(String, Object)},
 * {@link SocketController#broadcast(String, Object)}), with the type of its payload. The
 * declaration is documentation for tools: it goes into the socket's metadata, its AsyncAPI document
 * and the generated TypeScript client, which then offers a typed {@code on("message.new", ...)}.
 * The runtime does not check outgoing events against it.
 *
 * <pre>{@code
 * @Socket("/ws/chat/:room")
 * @Emits(value = "message.new", payload = ChatLine.class)
 * @Emits(value = "user.left", payload = Presence.class)
 * public class ChatSocket extends SocketController { ... }
 * }</pre>
 *
 * <p>Event names follow the rules of {@link Event#value()} and are unique per socket; a bad or
 * duplicate name fails the deployment ({@code AQS-050}, {@code AQS-051}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Emits.List.class)
public @interface Emits {

  /** The event name, e.g. {@code message.new}. */
  String value();

  /** The payload type; {@code Void.class} (the default) when the event carries no payload. */
  Class<?> payload() default Void.class;

  /** A sentence for the generated documentation. */
  String description() default "";

  /** The container of repeated {@link Emits} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The declarations. */
    Emits[] value();
  }
}
