/**
 * Built-in {@link io.aquilia.sockets.SocketMiddleware}: {@link
 * io.aquilia.sockets.middleware.LoggingMiddleware}. The rate limit and payload validation are
 * built-in stages of every socket's message pipeline (see {@code docs/protocol.md}).
 */
package io.aquilia.sockets.middleware;
