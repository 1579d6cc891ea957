package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Socket;
import java.util.List;

/** Reads and checks the limits of a {@code @Socket}, with configuration overrides applied. */
final class Limits {

  /** The largest message size a socket may declare: 16 MiB. */
  static final int MAX_MESSAGE_SIZE_CEILING = 16 * 1024 * 1024;

  private Limits() {}

  static SocketLimits of(Class<?> type, Socket s, Problems problems) {
    return of(type, new SocketSettings(type, s, Overrides.NONE, problems), s, problems);
  }

  static SocketLimits of(Class<?> type, SocketSettings set, Socket s, Problems problems) {
    int maxMessageSize = set.intValue("maxMessageSize", s.maxMessageSize());
    int rate = set.intValue("messageRateLimit", s.messageRateLimit());
    int maxConnections = set.intValue("maxConnections", s.maxConnections());
    int queue = set.intValue("outboundQueueSize", s.outboundQueueSize());
    int interval = set.intValue("heartbeatInterval", s.heartbeatInterval());
    int timeout = set.intValue("heartbeatTimeout", s.heartbeatTimeout());
    int inbound = set.intValue("inboundQueueSize", s.inboundQueueSize());
    List<String> origins = set.listValue("allowedOrigins", s.allowedOrigins());
    if (maxMessageSize < 1 || maxMessageSize > MAX_MESSAGE_SIZE_CEILING) {
      problems.add(
          Messages.invalidLimit(type, "maxMessageSize", maxMessageSize, "must be 1 to 16777216"));
    }
    nonNegative(type, "messageRateLimit", rate, problems);
    nonNegative(type, "maxConnections", maxConnections, problems);
    nonNegative(type, "heartbeatInterval", interval, problems);
    nonNegative(type, "heartbeatTimeout", timeout, problems);
    if (queue < 1) {
      problems.add(Messages.invalidLimit(type, "outboundQueueSize", queue, "must be at least 1"));
    }
    if (inbound < 1) {
      problems.add(Messages.invalidLimit(type, "inboundQueueSize", inbound, "must be at least 1"));
    }
    if (interval > 0 && timeout < 1) {
      problems.add(
          Messages.invalidLimit(
              type, "heartbeatTimeout", timeout, "must be at least 1 when heartbeats are on"));
    }
    for (String origin : origins) {
      OriginPolicy.check(origin)
          .ifPresent(why -> problems.add(Messages.invalidOrigin(type, origin, why)));
    }
    return new SocketLimits(
        maxMessageSize,
        rate,
        maxConnections,
        queue,
        set.enumValue("overflowPolicy", s.overflowPolicy()),
        interval,
        timeout,
        origins,
        set.enumValue("inboundProcessing", s.inboundProcessing()),
        inbound);
  }

  static void nonNegative(Class<?> type, String name, int value, Problems problems) {
    if (value < 0) {
      problems.add(Messages.invalidLimit(type, name, value, "must not be negative"));
    }
  }
}
