package io.aquilia.sockets.runtime.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable description of an application's sockets, as produced at build time ({@link
 * Generate}), served by the admin endpoint and read by the {@code aq} CLI. {@link
 * Document#toJson()} gives the JSON form documented in {@code docs/metadata.md}.
 */
public final class SocketMetadata {

  /** The value of the document's {@code format} key. */
  public static final String FORMAT = "aquilia-sockets-metadata/1";

  /** Events sent by clients. */
  public static final String CLIENT_TO_SERVER = "client-to-server";

  /** Events sent by the server. */
  public static final String SERVER_TO_CLIENT = "server-to-client";

  private SocketMetadata() {}

  /**
   * The whole description.
   *
   * @param sockets the sockets, sorted by path
   * @param defs the named schemas referenced as {@code #/$defs/Name}
   */
  public record Document(List<Socket> sockets, Map<String, Object> defs) {

    /** Copies the collections. */
    public Document {
      sockets = List.copyOf(sockets);
      defs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(defs));
    }

    /** The JSON form. */
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("format", FORMAT);
      List<Object> s = new ArrayList<>();
      sockets.forEach(x -> s.add(x.toJson()));
      m.put("sockets", s);
      m.put("$defs", defs);
      return m;
    }
  }

  /**
   * One socket.
   *
   * @param controller the controller class name
   * @param path the path template ({@code /ws/chat/:room})
   * @param jakartaPath the same in Jakarta syntax ({@code /ws/chat/{room}})
   * @param namespace the namespace
   * @param pathParams the path parameters, in order
   * @param limits the limits by name
   * @param guards the guards, by priority
   * @param access connect roles, guard beans and middleware of the socket, and per event
   * @param rooms the room options: {@code presence} (boolean) and {@code joinPathRoom} (or null)
   * @param events the events, client-to-server first, each group sorted by name
   */
  public record Socket(
      String controller,
      String path,
      String jakartaPath,
      String namespace,
      List<Param> pathParams,
      Map<String, Object> limits,
      List<GuardInfo> guards,
      Map<String, Object> access,
      Map<String, Object> rooms,
      List<EventInfo> events) {

    /** Copies the collections. */
    public Socket {
      pathParams = List.copyOf(pathParams);
      limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
      guards = List.copyOf(guards);
      access = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(access));
      rooms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rooms));
      events = List.copyOf(events);
    }

    /** The JSON form. */
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("controller", controller);
      m.put("path", path);
      m.put("jakartaPath", jakartaPath);
      m.put("namespace", namespace);
      List<Object> p = new ArrayList<>();
      pathParams.forEach(x -> p.add(x.toJson()));
      m.put("pathParams", p);
      m.put("limits", limits);
      List<Object> g = new ArrayList<>();
      guards.forEach(x -> g.add(x.toJson()));
      m.put("guards", g);
      m.put("access", access);
      m.put("rooms", rooms);
      List<Object> e = new ArrayList<>();
      events.forEach(x -> e.add(x.toJson()));
      m.put("events", e);
      return m;
    }
  }

  /**
   * A path parameter.
   *
   * @param name the name
   * @param schema its schema (from the Java type handlers bind it to; string when unbound)
   */
  public record Param(String name, Map<String, Object> schema) {

    /** The JSON form. */
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("schema", schema);
      return m;
    }
  }

  /**
   * A guard.
   *
   * @param method the method, {@code Class#name(Params)}
   * @param priority lower runs first
   * @param stages the stages it runs at
   */
  public record GuardInfo(String method, int priority, List<String> stages) {

    /** The JSON form. */
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", method);
      m.put("priority", priority);
      m.put("stages", List.copyOf(stages));
      return m;
    }
  }

  /**
   * One event.
   *
   * @param name the event name
   * @param direction {@link #CLIENT_TO_SERVER} or {@link #SERVER_TO_CLIENT}
   * @param kind {@code event}, {@code subscribe}, {@code unsubscribe} (handlers), {@code emit}
   *     (declared with {@code @Emits}), {@code room} or {@code presence} (sent or accepted by the
   *     runtime itself)
   * @param ack whether the client must send an id and gets an ack
   * @param handler the handler method, or null for emitted events
   * @param validationGroups the Bean Validation groups of the payload (empty: Default)
   * @param payload the payload schema, or null when the event carries none
   * @param result the ack's {@code data} schema, or null (no ack, or {@code void})
   * @param description a description, possibly empty
   */
  public record EventInfo(
      String name,
      String direction,
      String kind,
      boolean ack,
      String handler,
      List<String> validationGroups,
      Map<String, Object> payload,
      Map<String, Object> result,
      String description) {

    /** Copies the groups. */
    public EventInfo {
      validationGroups = List.copyOf(validationGroups);
    }

    /** The JSON form; absent parts are omitted. */
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("direction", direction);
      m.put("kind", kind);
      m.put("ack", ack);
      if (handler != null) {
        m.put("handler", handler);
      }
      if (!validationGroups.isEmpty()) {
        m.put("validationGroups", validationGroups);
      }
      if (payload != null) {
        m.put("payload", payload);
      }
      if (result != null) {
        m.put("result", result);
      }
      if (description != null && !description.isEmpty()) {
        m.put("description", description);
      }
      return m;
    }
  }
}
