package io.aquilia.sockets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the rooms of a {@link Socket} recoverable: every event published to one of its rooms by
 * {@link SocketNamespace#publish} carries {@code meta.epoch} and {@code meta.offset}, and is also
 * kept in a capped history (with the Redis adapter, a Redis stream of {@code
 * aquilia.sockets.redis.recovery-size} entries). A client that reconnects sends {@code
 * room.recover} with the last epoch and offset it saw and gets the missed events, or an explicit
 * "not recovered" answer when they are gone, never a silent gap. Presence events are not kept. See
 * {@code docs/protocol.md}.
 *
 * <p>The in-memory adapter (one server) keeps the history in memory: the last 500 events of each of
 * up to 2,000 rooms; a restart starts a new epoch, answered "not recovered".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Recoverable {}
