package io.aquilia.sockets.spi;

import java.util.Optional;

/**
 * Turns a bearer token presented at the handshake into an {@link Identity}. Provide one as a CDI
 * bean (any scope) and the runtime uses it for every socket of the application; at most one may
 * exist.
 *
 * <p>The token is read, in this order, from the {@code Authorization: Bearer <token>} header, from
 * {@code Sec-WebSocket-Protocol} (the offered protocol {@code bearer} followed by the token as the
 * next offered protocol, the form a browser can send), and from the query parameter {@code
 * access_token}. The token is never logged.
 *
 * <p>An empty result means the token is invalid: the handshake is refused with HTTP 401. Throwing
 * {@link io.aquilia.sockets.SocketFault} with {@code WS_FORBIDDEN} refuses it with 403. Without a
 * token the authenticator is not called; the container's principal (if any) is used instead.
 * Implementations must be thread-safe and should be fast: they run on the handshake thread.
 */
@FunctionalInterface
public interface TokenAuthenticator {

  /**
   * Validates a token.
   *
   * @param token the token, never null or blank
   * @param socketPath the path template of the socket being opened, e.g. {@code /ws/chat/:room}
   * @return the identity, or empty if the token is not valid
   */
  Optional<Identity> authenticate(String token, String socketPath);
}
