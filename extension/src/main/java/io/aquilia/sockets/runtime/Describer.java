package io.aquilia.sockets.runtime;

import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.PresenceChange;
import io.aquilia.sockets.RoomRef;
import io.aquilia.sockets.RoomState;
import io.aquilia.sockets.StandardEvents;
import io.aquilia.sockets.runtime.meta.SchemaBuilder;
import io.aquilia.sockets.runtime.meta.SocketMetadata;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Describes validated controller models as {@link SocketMetadata}, including the room and presence
 * events the runtime itself sends and accepts ({@code room.joined}, {@code room.left}, {@code
 * presence.*}, {@code presence.list}); : the same description at build time, in the CLI and live
 * from the admin endpoint, since all of them start from a {@link DeploymentModel}.
 */
public final class Describer {

  private Describer() {}

  /**
   * The payload of {@code room.purged} ({@link LiveSocket} writes it as a map), for its schema.
   *
   * @param room the room
   * @param reason the admin's reason
   */
  public record RoomPurged(String room, String reason) {}

  /** Describes the models, sorted by path. */
  public static SocketMetadata.Document describe(List<ControllerModel> models) {
    SchemaBuilder schemas = new SchemaBuilder();
    List<ControllerModel> sorted = new ArrayList<>(models);
    sorted.sort(Comparator.comparing(m -> m.path().template()));
    List<SocketMetadata.Socket> sockets = new ArrayList<>();
    for (ControllerModel m : sorted) {
      sockets.add(socket(m, schemas));
    }
    return new SocketMetadata.Document(sockets, schemas.defs());
  }

  private static SocketMetadata.Socket socket(ControllerModel m, SchemaBuilder schemas) {
    List<SocketMetadata.Param> params = new ArrayList<>();
    for (String name : m.path().paramNames()) {
      Set<Class<?>> types = m.pathParamTypes().get(name);
      Class<?> type = types == null || types.size() != 1 ? String.class : types.iterator().next();
      params.add(new SocketMetadata.Param(name, schemas.schema(type)));
    }
    List<SocketMetadata.GuardInfo> guards = new ArrayList<>();
    for (HandlerModel g : m.guards()) {
      guards.add(
          new SocketMetadata.GuardInfo(
              Messages.describe(g.method()),
              g.priority(),
              g.stages().stream().map(Enum::name).sorted().toList()));
    }
    List<SocketMetadata.EventInfo> events = new ArrayList<>();
    m.events().values().stream()
        .sorted(Comparator.comparing(HandlerModel::event))
        .forEach(h -> events.add(inbound(h, schemas)));
    if (m.rooms().presence()) {
      events.add(
          standard(
              StandardEvents.PRESENCE_LIST,
              SocketMetadata.CLIENT_TO_SERVER,
              "presence",
              true,
              schemas.schema(RoomRef.class),
              schemas.schema(RoomState.class),
              "The presence of a room the connection is in."));
    }
    events.sort(Comparator.comparing(SocketMetadata.EventInfo::name));
    List<SocketMetadata.EventInfo> outbound = new ArrayList<>();
    outbound.add(
        standard(
            StandardEvents.ROOM_JOINED,
            SocketMetadata.SERVER_TO_CLIENT,
            "room",
            false,
            schemas.schema(RoomState.class),
            null,
            "The server joined this connection to a room (application code or joinPathRoom)."));
    outbound.add(
        standard(
            StandardEvents.ROOM_PURGED,
            SocketMetadata.SERVER_TO_CLIENT,
            "room",
            false,
            schemas.schema(RoomPurged.class),
            null,
            "An administrator purged a room this connection was in (room.left follows)."));
    outbound.add(
        standard(
            StandardEvents.ROOM_LEFT,
            SocketMetadata.SERVER_TO_CLIENT,
            "room",
            false,
            schemas.schema(RoomRef.class),
            null,
            "The server removed this connection from a room (application code or an admin purge)."));
    if (m.rooms().presence()) {
      for (String[] p :
          new String[][] {
            {StandardEvents.PRESENCE_JOIN, "A member appeared in a room."},
            {StandardEvents.PRESENCE_UPDATE, "A member's metadata or connection count changed."},
            {StandardEvents.PRESENCE_LEAVE, "A member's last connection left a room."}
          }) {
        outbound.add(
            standard(
                p[0],
                SocketMetadata.SERVER_TO_CLIENT,
                "presence",
                false,
                schemas.schema(PresenceChange.class),
                null,
                p[1]));
      }
    }
    Emitted.of(m.type()).stream()
        .sorted(Comparator.comparing(Emitted::name))
        .forEach(
            e ->
                outbound.add(
                    new SocketMetadata.EventInfo(
                        e.name(),
                        SocketMetadata.SERVER_TO_CLIENT,
                        "emit",
                        false,
                        null,
                        List.of(),
                        e.payload() == Void.class || e.payload() == void.class
                            ? null
                            : schemas.schema(e.payload()),
                        null,
                        e.description())));
    outbound.sort(Comparator.comparing(SocketMetadata.EventInfo::name));
    events.addAll(outbound);
    Access a = m.protection().access();
    Map<String, Object> access = new LinkedHashMap<>();
    access.put("connectRoles", a.connectRoles().stream().sorted().toList());
    access.put("guardBeans", a.guardBeans().stream().map(Class::getName).toList());
    access.put("middleware", a.middleware().stream().map(Class::getName).toList());
    Map<String, Object> perEvent = new java.util.TreeMap<>();
    a.eventRoles()
        .forEach((e, r) -> perEvent.computeIfAbsent(e, k -> new LinkedHashMap<String, Object>()));
    a.eventGuardBeans()
        .forEach((e, r) -> perEvent.computeIfAbsent(e, k -> new LinkedHashMap<String, Object>()));
    a.eventMiddleware()
        .forEach((e, r) -> perEvent.computeIfAbsent(e, k -> new LinkedHashMap<String, Object>()));
    perEvent.forEach(
        (e, o) -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> x = (Map<String, Object>) o;
          x.put("roles", a.eventRoles().getOrDefault(e, Set.of()).stream().sorted().toList());
          x.put(
              "guardBeans",
              a.eventGuardBeans().getOrDefault(e, List.of()).stream().map(Class::getName).toList());
          x.put(
              "middleware",
              a.eventMiddleware().getOrDefault(e, List.of()).stream().map(Class::getName).toList());
        });
    access.put("events", perEvent);
    Map<String, Object> rooms = new LinkedHashMap<>();
    rooms.put("presence", m.rooms().presence());
    rooms.put("joinPathRoom", m.rooms().joinPathRoom().orElse(null));
    return new SocketMetadata.Socket(
        m.type().getName(),
        m.path().template(),
        m.path().jakartaPath(),
        m.namespace(),
        params,
        limits(m.limits(), m.protection()),
        guards,
        access,
        rooms,
        events);
  }

  private static SocketMetadata.EventInfo standard(
      String name,
      String direction,
      String kind,
      boolean ack,
      Map<String, Object> payload,
      Map<String, Object> result,
      String description) {
    return new SocketMetadata.EventInfo(
        name, direction, kind, ack, null, List.of(), payload, result, description);
  }

  private static SocketMetadata.EventInfo inbound(HandlerModel h, SchemaBuilder schemas) {
    Map<String, Object> payload = null;
    if (h.payloadType() != null) {
      for (Parameter p : h.method().getParameters()) {
        if (p.getParameterizedType().equals(h.payloadType())
            && !p.isAnnotationPresent(PathParam.class)) {
          payload = schemas.payloadSchema(p.getAnnotatedType());
          break;
        }
      }
    }
    boolean roomRequest = h.kind() == HandlerKind.SUBSCRIBE || h.kind() == HandlerKind.UNSUBSCRIBE;
    if (roomRequest && payload == null) {
      // the runtime reads the room from the payload {"room": ...} even without a payload parameter
      payload = schemas.schema(RoomRef.class);
    }
    Map<String, Object> result = null;
    if (roomRequest) {
      result = schemas.schema(RoomState.class);
    } else if (h.ackRequired()) {
      AnnotatedType r = h.method().getAnnotatedReturnType();
      if (CompletionStage.class.isAssignableFrom(h.method().getReturnType())) {
        r =
            r instanceof AnnotatedParameterizedType p
                ? p.getAnnotatedActualTypeArguments()[0]
                : null;
      }
      boolean none = r == null || r.getType() == void.class || r.getType() == Void.class;
      result = none ? null : schemas.schema(r);
    }
    return new SocketMetadata.EventInfo(
        h.event(),
        SocketMetadata.CLIENT_TO_SERVER,
        h.kind().name().toLowerCase(Locale.ROOT),
        h.ackRequired(),
        Messages.describe(h.method()),
        h.groups().stream().map(Class::getName).toList(),
        payload,
        result,
        "");
  }

  private static Map<String, Object> limits(SocketLimits l, Protection p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("maxMessageSize", l.maxMessageSize());
    m.put("messageRateLimit", l.messageRateLimit());
    m.put("maxConnections", l.maxConnections());
    m.put("outboundQueueSize", l.outboundQueueSize());
    m.put("overflowPolicy", l.overflowPolicy().name());
    m.put("heartbeatInterval", l.heartbeatIntervalSeconds());
    m.put("heartbeatTimeout", l.heartbeatTimeoutSeconds());
    m.put("allowedOrigins", List.copyOf(l.allowedOrigins()));
    m.put("allowMissingOrigin", p.allowMissingOrigin());
    m.put("authenticationRequired", p.authenticationRequired());
    m.put("rateLimitBurst", p.rate().burst());
    m.put("rateLimitCloseAfter", p.rate().closeAfter());
    m.put("rateLimitPerUser", p.rate().perUser());
    m.put("rateLimitExempt", p.rate().exemptEvents().stream().sorted().toList());
    m.put("maxConnectionsPerUser", p.maxConnectionsPerUser());
    m.put("maxConnectionsPerIp", p.maxConnectionsPerIp());
    m.put("inboundProcessing", l.inboundProcessing().name());
    m.put("inboundQueueSize", l.inboundQueueSize());
    return m;
  }
}
