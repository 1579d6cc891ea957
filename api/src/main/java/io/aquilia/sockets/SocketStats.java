package io.aquilia.sockets;

/**
 * Counters of one socket on this server, since it was deployed ({@link SocketNamespace#stats()}).
 *
 * @param connections open connections now
 * @param rooms rooms with at least one member on this server now
 * @param members room memberships of this server's connections now (a connection in three rooms
 *     counts three times)
 * @param droppedMessages outbound messages dropped by the overflow policy
 * @param slowConsumerCloses connections closed with {@code 4008} because their queue was full
 * @param refusedMessages inbound messages refused because too many were waiting
 * @param heartbeatTimeouts connections closed ({@code 1001}) because nothing arrived from them
 *     within the heartbeat interval plus timeout
 */
public record SocketStats(
    int connections,
    int rooms,
    int members,
    long droppedMessages,
    long slowConsumerCloses,
    long refusedMessages,
    long heartbeatTimeouts) {}
