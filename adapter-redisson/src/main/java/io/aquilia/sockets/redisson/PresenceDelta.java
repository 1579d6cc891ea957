package io.aquilia.sockets.redisson;

/**
 * What a join or leave did to a presence key, cluster-wide.
 *
 * @param changed whether the connection's membership changed (false: a join that only replaced the
 *     metadata, or a leave of a non-member)
 * @param before the key's state before, or null if the key was absent
 * @param after the key's state after, or null if the key is now absent
 */
public record PresenceDelta(boolean changed, PresenceState before, PresenceState after) {}
