package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Envelope;

/**
 * What a handler call can draw its arguments from.
 *
 * @param connection the connection
 * @param envelope the inbound envelope, or null outside message handling
 * @param payload the bound payload, or null
 * @param closeStatus the close status, for {@code @OnDisconnect}
 */
record Invocation(
    RuntimeConnection connection, Envelope envelope, Object payload, CloseStatus closeStatus) {}
