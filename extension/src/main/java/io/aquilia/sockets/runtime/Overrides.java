package io.aquilia.sockets.runtime;

import java.util.Optional;

/**
 * Configured values that replace {@code @Socket} attributes without recompiling. The container glue
 * reads them (MicroProfile Config, when present) and passes them in; the runtime only parses and
 * validates them.
 */
@FunctionalInterface
public interface Overrides {

  /** The {@code @Socket} attributes that can be overridden. */
  java.util.List<String> ATTRIBUTES =
      java.util.List.of(
          "allowedOrigins",
          "allowMissingOrigin",
          "authenticationRequired",
          "messageRateLimit",
          "rateLimitBurst",
          "rateLimitCloseAfter",
          "rateLimitPerUser",
          "maxMessageSize",
          "maxConnections",
          "maxConnectionsPerUser",
          "maxConnectionsPerIp",
          "outboundQueueSize",
          "overflowPolicy",
          "heartbeatInterval",
          "heartbeatTimeout",
          "inboundProcessing",
          "inboundQueueSize");

  /** No overrides. */
  Overrides NONE = (path, attribute) -> Optional.empty();

  /**
   * The configured value of an attribute.
   *
   * @param pathTemplate the socket's path template as declared, e.g. {@code /ws/chat/:room}
   * @param attribute the {@code @Socket} attribute name, e.g. {@code messageRateLimit}
   * @return the raw value, or empty when not configured
   */
  Optional<String> value(String pathTemplate, String attribute);

  /** A description of where the value of an attribute comes from, for messages. */
  default String describe(String pathTemplate, String attribute) {
    return "configured " + attribute;
  }
}
