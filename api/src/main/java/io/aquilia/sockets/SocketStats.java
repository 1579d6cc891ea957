package io.aquilia.sockets;

/**
 * Counters of one socket on this server, since it was deployed ({@link SocketNamespace#stats()}).
 *
 * @param connections open connections now
 * @param rooms rooms with at least one member on this server now
 * @param droppedMessages outbound messages dropped by the overflow policy
 * @param slowConsumerCloses connections closed with {@code 4008} because their queue was full
 * @param refusedMessages inbound messages refused because too many were waiting
 */
public record SocketStats(
    int connections,
    int rooms,
    long droppedMessages,
    long slowConsumerCloses,
    long refusedMessages) {}
