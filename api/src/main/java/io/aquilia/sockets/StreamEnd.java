package io.aquilia.sockets;

/**
 * The payload of the {@code <event>.end} event that closes a streaming reply, before its
 * acknowledgement.
 *
 * @param count how many {@code <event>.chunk} events were sent
 * @param cancelled whether the client cancelled the stream
 */
public record StreamEnd(long count, boolean cancelled) {}
