package io.aquilia.sockets.runtime;

import io.aquilia.sockets.InboundProcessing;
import io.aquilia.sockets.OverflowPolicy;
import java.util.List;

/**
 * The limits of one socket, as declared and validated.
 *
 * @param maxMessageSize bytes per inbound message
 * @param messageRateLimit messages per second per connection, 0 for none
 * @param maxConnections open connections, 0 for none
 * @param outboundQueueSize messages queued per connection
 * @param overflowPolicy what a full queue does
 * @param heartbeatIntervalSeconds seconds between pings, 0 for none
 * @param heartbeatTimeoutSeconds seconds of silence tolerated after a ping
 * @param allowedOrigins allowed origins, empty for any
 * @param inboundProcessing serial or concurrent handling of one connection's messages
 * @param inboundQueueSize messages of one connection waiting or in progress at once
 */
public record SocketLimits(
    int maxMessageSize,
    int messageRateLimit,
    int maxConnections,
    int outboundQueueSize,
    OverflowPolicy overflowPolicy,
    int heartbeatIntervalSeconds,
    int heartbeatTimeoutSeconds,
    List<String> allowedOrigins,
    InboundProcessing inboundProcessing,
    int inboundQueueSize) {

  /** Copies the origins. */
  public SocketLimits {
    allowedOrigins = List.copyOf(allowedOrigins);
  }
}
