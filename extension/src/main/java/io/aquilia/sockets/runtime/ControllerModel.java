package io.aquilia.sockets.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A validated socket controller: everything the runtime needs, computed once at deployment.
 *
 * @param type the controller class
 * @param path the path template
 * @param namespace the namespace name
 * @param limits the limits
 * @param onConnect the connect handler, if any
 * @param onDisconnect the disconnect handler, if any
 * @param events message handlers by event name
 * @param guards guards sorted by priority
 * @param pathParamTypes for each path parameter bound by some handler, the converter's target type
 * @param rooms the room and presence options
 * @param protection origin, authentication, quota, rate-limit and access settings
 */
public record ControllerModel(
    Class<?> type,
    PathTemplate path,
    String namespace,
    SocketLimits limits,
    Optional<HandlerModel> onConnect,
    Optional<HandlerModel> onDisconnect,
    Map<String, HandlerModel> events,
    List<HandlerModel> guards,
    Map<String, Set<Class<?>>> pathParamTypes,
    RoomOptions rooms,
    Protection protection) {

  /** Copies the collections; events are kept sorted by name. */
  public ControllerModel {
    events = Map.copyOf(events);
    guards = List.copyOf(guards);
    pathParamTypes = Map.copyOf(pathParamTypes);
  }

  /**
   * The event names clients may send, sorted: the handlers' plus {@code presence.list} on presence
   * sockets and {@code room.recover} on recoverable ones.
   */
  public List<String> inboundEvents() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>(events.keySet());
    if (rooms.presence()) {
      names.add(io.aquilia.sockets.StandardEvents.PRESENCE_LIST);
    }
    if (type.isAnnotationPresent(io.aquilia.sockets.Recoverable.class)
        && !events.containsKey(io.aquilia.sockets.StandardEvents.ROOM_RECOVER)) {
      names.add(io.aquilia.sockets.StandardEvents.ROOM_RECOVER);
    }
    return List.copyOf(names);
  }

  /** The one-line deployment summary: path, namespace, events (with ack tags) and limits. */
  public String summary() {
    StringBuilder events = new StringBuilder();
    new TreeMap<>(this.events)
        .forEach(
            (name, h) -> {
              if (events.length() > 0) {
                events.append(", ");
              }
              events.append(name);
              if (h.ackRequired()) {
                events.append("[ack]");
              }
              if (h.kind() != HandlerKind.EVENT) {
                events
                    .append('[')
                    .append(h.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(']');
              }
            });
    return path.template()
        + " namespace="
        + namespace
        + " controller="
        + type.getName()
        + " events=["
        + events
        + "] guards="
        + guards.size()
        + " maxMessageSize="
        + limits.maxMessageSize()
        + " messageRateLimit="
        + limits.messageRateLimit()
        + " maxConnections="
        + limits.maxConnections()
        + " allowedOrigins="
        + (limits.allowedOrigins().isEmpty() ? "[any]" : limits.allowedOrigins())
        + " outboundQueue="
        + limits.outboundQueueSize()
        + "/"
        + limits.overflowPolicy()
        + " heartbeat="
        + limits.heartbeatIntervalSeconds()
        + "s/"
        + limits.heartbeatTimeoutSeconds()
        + "s inbound="
        + limits.inboundProcessing()
        + "/"
        + limits.inboundQueueSize()
        + " presence="
        + (rooms.presence() ? "on" : "off")
        + " joinPathRoom="
        + rooms.joinPathRoom().orElse("-")
        + " "
        + protection.summary();
  }
}
