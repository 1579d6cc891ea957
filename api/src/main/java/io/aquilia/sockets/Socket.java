package io.aquilia.sockets;

import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a socket controller: a class extending {@link SocketController} whose annotated methods
 * handle the connections of one WebSocket path.
 *
 * <pre>{@code
 * @Socket(value = "/ws/chat/:room", allowedOrigins = "*", messageRateLimit = 20)
 * public class ChatSocket extends SocketController {
 *   @Event(value = "message.send", ack = true)
 *   public Receipt send(Connection conn, @PathParam("room") String room, @Valid ChatMessage msg) { ... }
 * }
 * }</pre>
 *
 * <h2>Path</h2>
 *
 * The path uses the Aquilia syntax: literal segments and {@code :name} parameters, for example
 * {@code /ws/chat/:room}. Parameters reach handlers as {@link PathParam} arguments, converted to
 * the parameter's Java type ({@code String}, {@code int}, {@code long}, {@code UUID}, an enum,
 * ...), and through {@link Connection#pathParams()}. The path is relative to the web application's
 * context root. Give it either as {@link #value()} or as {@link #path()}.
 *
 * <h2>Discovery</h2>
 *
 * {@code @Socket} is a CDI stereotype, so an annotated class is a bean even in a WAR without {@code
 * beans.xml}. Its default scope is {@code @Dependent}; the runtime creates one instance per socket
 * and shares it between all connections. An explicit scope annotation ({@code @ApplicationScoped})
 * wins. An application can instead list its controllers in {@code
 * META-INF/aquilia-sockets.properties} (see the README) and turn auto-discovery off.
 *
 * <h2>Lifecycle and concurrency</h2>
 *
 * One controller instance serves every connection of the socket, so it must be thread-safe; keep
 * per-connection state in {@link Connection#attributes()}. By default ({@link
 * InboundProcessing#SERIAL}) the messages of one connection are handled one at a time, in order: a
 * handler that returns a {@code CompletionStage} holds back the connection's next message until the
 * stage completes, without holding a container thread. Different connections are handled
 * concurrently. Sending never blocks: each connection has a bounded outbound queue.
 *
 * <h2>Rooms and presence</h2>
 *
 * Connections join and leave rooms, which are scoped to the socket's {@link #namespace()}: through
 * {@link Subscribe} / {@link Unsubscribe} handlers (the {@code room.join} and {@code room.leave}
 * events), through {@link Connection#join(String)} in application code, or automatically with
 * {@link #joinPathRoom()}. With {@link #presence()} on, the members of each room also get {@code
 * presence.join}, {@code presence.update} and {@code presence.leave} events and can ask for the
 * list with {@code presence.list}. See {@code docs/protocol.md}.
 *
 * <p>Every attribute is checked at deployment; an invalid value fails the deployment with a message
 * naming the class and the attribute.
 */
@Stereotype
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Socket {

  /** The path template, e.g. {@code /ws/chat/:room}. Same as {@link #path()}; give one of them. */
  String value() default "";

  /** The path template, e.g. {@code /ws/chat/:room}. Same as {@link #value()}; give one of them. */
  String path() default "";

  /**
   * The namespace: the scope of broadcasts and rooms. Defaults to the path template itself, as in
   * Aquilia. Two sockets must not share a namespace.
   */
  String namespace() default "";

  /**
   * Origins allowed to open a connection, checked before the upgrade. Empty (the default) allows
   * any origin. {@code "*"} allows any origin except the opaque origin {@code null}; {@code
   * "https://*.example.com"} allows any subdomain of example.com over https (matched on a dot
   * boundary); {@code "null"} allows the opaque origin {@code null} (sandboxed frames, {@code
   * file:} pages). A refused origin gets HTTP 403. See also {@link #allowMissingOrigin()}.
   */
  String[] allowedOrigins() default {};

  /**
   * Whether a handshake without an {@code Origin} header (a non-browser client) is accepted when
   * {@link #allowedOrigins()} is not empty. {@code true} (the default) accepts it; {@code false}
   * refuses it with HTTP 403. An empty {@link #allowedOrigins()} checks no origin at all.
   */
  boolean allowMissingOrigin() default true;

  /**
   * Whether a connection needs an authenticated user: the container's principal of the upgrade
   * request, or the identity a {@link io.aquilia.sockets.spi.TokenAuthenticator} bean derives from
   * a bearer token. Without one the handshake is refused with HTTP 401. An invalid token is refused
   * with 401 even when this is {@code false}.
   */
  boolean authenticationRequired() default false;

  /**
   * Maximum inbound messages per second per connection (a token bucket refilled at this rate);
   * {@code 0} (the default) is unlimited. A message over the limit is answered with {@code
   * WS_RATE_LIMIT_EXCEEDED} and not handled. Events marked {@link RateLimitExempt} do not count.
   */
  int messageRateLimit() default 0;

  /**
   * How many messages a connection may send at once before the rate applies: the bucket's size.
   * {@code 0} (the default) means the same as {@link #messageRateLimit()}.
   */
  int rateLimitBurst() default 0;

  /**
   * After how many rate-limited messages the connection is closed with {@code 1008}; the count
   * starts again once the bucket has refilled completely. {@code 0} never closes.
   */
  int rateLimitCloseAfter() default 10;

  /**
   * Whether the bucket is shared by all connections of the same authenticated user on this socket
   * (and this server). Connections without a user keep a bucket of their own.
   */
  boolean rateLimitPerUser() default false;

  /**
   * Maximum size of an inbound text message in bytes (UTF-8). Larger messages are answered with
   * {@code WS_PAYLOAD_TOO_LARGE}; the connection stays open.
   */
  int maxMessageSize() default 65536;

  /**
   * Maximum number of open connections on this socket; {@code 0} (the default) is unlimited. A
   * handshake beyond it is refused with HTTP 429.
   */
  int maxConnections() default 0;

  /**
   * Maximum number of open connections of one authenticated user on this socket; {@code 0} (the
   * default) is unlimited. A handshake beyond it is refused with HTTP 429.
   */
  int maxConnectionsPerUser() default 0;

  /**
   * Maximum number of open connections from one client IP address on this socket; {@code 0} (the
   * default) is unlimited. A handshake beyond it is refused with HTTP 429.
   */
  int maxConnectionsPerIp() default 0;

  /** Capacity of each connection's outbound queue, in messages. */
  int outboundQueueSize() default 1024;

  /** What happens when a connection's outbound queue is full. */
  OverflowPolicy overflowPolicy() default OverflowPolicy.DROP_OLDEST;

  /**
   * Seconds between server heartbeats (WebSocket pings) on an idle connection; {@code 0} disables
   * them. Announced to clients on connect.
   */
  int heartbeatInterval() default 25;

  /**
   * Seconds a connection may stay silent (no frame, no pong) before the server closes it with 1001.
   */
  int heartbeatTimeout() default 20;

  /**
   * Whether the messages of one connection are handled one at a time, in order ({@link
   * InboundProcessing#SERIAL}, the default), or as they arrive ({@link
   * InboundProcessing#CONCURRENT}).
   */
  InboundProcessing inboundProcessing() default InboundProcessing.SERIAL;

  /**
   * How many messages of one connection may be waiting or in progress at once. A message beyond it
   * is answered with {@code WS_QUOTA_EXCEEDED} and not handled; the connection stays open.
   */
  int inboundQueueSize() default 256;

  /**
   * Whether the rooms of this socket track presence: members keyed by user (see {@link
   * Connection#presenceKey()}) with application metadata, {@code presence.*} events to the room,
   * and the {@code presence.list} event. Off by default.
   */
  boolean presence() default false;

  /**
   * The name of a path parameter whose value names a room that every connection joins right after
   * {@link OnConnect}, for example {@code joinPathRoom = "room"} with the path {@code
   * /ws/chat/:room}. {@link Guard.Stage#JOIN} guards run first; a denial closes the connection with
   * {@code 1008}. Empty (the default): no automatic join.
   */
  String joinPathRoom() default "";
}
