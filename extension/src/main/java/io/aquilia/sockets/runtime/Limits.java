package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Socket;
import java.util.List;

/** Reads and checks the limits of a {@code @Socket}. */
final class Limits {

  /** The largest message size a socket may declare: 16 MiB. */
  static final int MAX_MESSAGE_SIZE_CEILING = 16 * 1024 * 1024;

  private Limits() {}

  static SocketLimits of(Class<?> type, Socket s, Problems problems) {
    if (s.maxMessageSize() < 1 || s.maxMessageSize() > MAX_MESSAGE_SIZE_CEILING) {
      problems.add(
          Messages.invalidLimit(
              type, "maxMessageSize", s.maxMessageSize(), "must be 1 to 16777216"));
    }
    nonNegative(type, "messageRateLimit", s.messageRateLimit(), problems);
    nonNegative(type, "maxConnections", s.maxConnections(), problems);
    nonNegative(type, "heartbeatInterval", s.heartbeatInterval(), problems);
    nonNegative(type, "heartbeatTimeout", s.heartbeatTimeout(), problems);
    if (s.outboundQueueSize() < 1) {
      problems.add(
          Messages.invalidLimit(
              type, "outboundQueueSize", s.outboundQueueSize(), "must be at least 1"));
    }
    if (s.inboundQueueSize() < 1) {
      problems.add(
          Messages.invalidLimit(
              type, "inboundQueueSize", s.inboundQueueSize(), "must be at least 1"));
    }
    if (s.heartbeatInterval() > 0 && s.heartbeatTimeout() < 1) {
      problems.add(
          Messages.invalidLimit(
              type,
              "heartbeatTimeout",
              s.heartbeatTimeout(),
              "must be at least 1 when heartbeats are on"));
    }
    for (String origin : s.allowedOrigins()) {
      OriginPolicy.check(origin)
          .ifPresent(why -> problems.add(Messages.invalidOrigin(type, origin, why)));
    }
    return new SocketLimits(
        s.maxMessageSize(),
        s.messageRateLimit(),
        s.maxConnections(),
        s.outboundQueueSize(),
        s.overflowPolicy(),
        s.heartbeatInterval(),
        s.heartbeatTimeout(),
        List.of(s.allowedOrigins()),
        s.inboundProcessing(),
        s.inboundQueueSize());
  }

  private static void nonNegative(Class<?> type, String name, int value, Problems problems) {
    if (value < 0) {
      problems.add(Messages.invalidLimit(type, name, value, "must not be negative"));
    }
  }
}
