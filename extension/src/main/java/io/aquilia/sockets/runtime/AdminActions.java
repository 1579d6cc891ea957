package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Connection;
import io.aquilia.sockets.SocketAdmin;
import io.aquilia.sockets.runtime.meta.AsyncApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operations behind the admin endpoint and the {@code aq ws} commands, on one application's
 * {@link SocketRuntime}. No transport here: the servlet glue parses requests, checks the token and
 * writes the audit line.
 *
 * <p>Every action goes through the socket's own operations ({@link LiveSocket#broadcast}, {@link
 * LiveSocket#publish}, {@link Connection#leave}, {@link Connection#close}): broadcasts and room
 * publishes already reach other servers through the socket's adapter, and room existence is checked
 * with the adapter's member list. Purging the members and kicking a connection that live on another
 * server is where a cluster adapter fans the action out; today both act on this server's
 * connections (a kick of a connection elsewhere answers "not found").
 */
public final class AdminActions {

  /** The most connections listed per socket by {@link #live()}. */
  static final int MAX_LISTED_CONNECTIONS = 1000;

  /** The close code of a kicked connection ({@link SocketAdmin#KICK_CLOSE_CODE}). */
  public static final int KICK_CLOSE_CODE = SocketAdmin.KICK_CLOSE_CODE;

  /** The purge reason when none is given. */
  public static final String DEFAULT_PURGE_REASON = "purged by admin";

  /** How long an action waits for the adapter (room members). */
  static final int ADAPTER_WAIT_SECONDS = 5;

  /** The most rooms listed per socket by {@link #live()}. */
  static final int MAX_LISTED_ROOMS = 1000;

  /** The close reason when none is given. */
  public static final String DEFAULT_KICK_REASON = "kicked by admin";

  private final List<LiveSocket> sockets;
  private final SocketAdmin admin;

  /**
   * Actions on the sockets of one application.
   *
   * @param sockets {@link SocketRuntime#sockets()}
   * @param admin {@link SocketRuntime#admin()}, which carries the actions to the other instances
   *     through the adapter
   */
  public AdminActions(List<LiveSocket> sockets, SocketAdmin admin) {
    this.sockets = List.copyOf(sockets);
    this.admin = admin;
  }

  /** Why an action failed: a stable code, the HTTP status that carries it and a message. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The stable code, e.g. {@code ADMIN_CONNECTION_NOT_FOUND}. */
    private final String code;

    /** The HTTP status. */
    private final int status;

    /**
     * A failure.
     *
     * @param code the stable code
     * @param status the HTTP status
     * @param message the message for the operator
     */
    public Failure(String code, int status, String message) {
      super(message, null, false, false);
      this.code = code;
      this.status = status;
    }

    /** The stable code. */
    public String code() {
      return code;
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }
  }

  /** A request that cannot be understood. */
  public static Failure badRequest(String message) {
    return new Failure("ADMIN_BAD_REQUEST", 400, message);
  }

  /** The metadata of the application's sockets, each with a {@code live} block. */
  public Map<String, Object> live() {
    List<ControllerModel> models = new ArrayList<>();
    sockets.forEach(s -> models.add(s.model()));
    Map<String, Object> doc = Describer.describe(models).toJson();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sockets = (List<Map<String, Object>>) doc.get("sockets");
    for (Map<String, Object> s : sockets) {
      socket((String) s.get("namespace")).ifPresent(live -> s.put("live", liveBlock(live)));
    }
    return doc;
  }

  private static Map<String, Object> liveBlock(LiveSocket socket) {
    List<Connection> conns = new ArrayList<>(socket.connections());
    conns.sort(Comparator.comparing(Connection::connectedAt).thenComparing(Connection::id));
    List<Object> listed = new ArrayList<>();
    for (Connection c : conns.subList(0, Math.min(conns.size(), MAX_LISTED_CONNECTIONS))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("path", c.path());
      m.put("connectedAt", c.connectedAt().toString());
      listed.add(m);
    }
    Map<String, Object> live = new LinkedHashMap<>();
    live.put("connections", conns.size());
    live.put("connectionList", listed);
    live.put("connectionListTruncated", conns.size() > MAX_LISTED_CONNECTIONS);
    List<String> names = new ArrayList<>(new TreeSet<>(socket.rooms()));
    List<Object> rooms = new ArrayList<>();
    for (String room : names.subList(0, Math.min(names.size(), MAX_LISTED_ROOMS))) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", room);
      r.put("members", socket.connections().stream().filter(c -> c.rooms().contains(room)).count());
      rooms.add(r);
    }
    live.put("rooms", rooms);
    live.put("roomListTruncated", names.size() > MAX_LISTED_ROOMS);
    return live;
  }

  /** The AsyncAPI document of the application's sockets. */
  public Map<String, Object> asyncApi(String title) {
    List<ControllerModel> models = new ArrayList<>();
    sockets.forEach(s -> models.add(s.model()));
    return AsyncApi.of(Describer.describe(models), title, "live");
  }

  /**
   * Sends an event to every connection of a namespace.
   *
   * @param payload the payload, any JSON-B-mappable value or a {@code JsonValue}
   * @return the number of connections it was queued for
   */
  public int broadcast(String namespace, String event, Object payload) {
    requireEventName(event);
    requireSocket(namespace);
    return await(admin.broadcast(namespace, null, event, payload));
  }

  /**
   * Sends an event to the members of a room of a namespace, through the socket's {@code publish}
   * (so the adapter carries it to the room's members on other servers).
   *
   * @return the number of connections of this server it was queued for
   */
  public int broadcast(String namespace, String room, String event, Object payload) {
    requireEventName(event);
    LiveSocket socket = requireSocket(namespace);
    requireRoom(socket, room);
    return await(admin.broadcast(namespace, room, event, payload));
  }

  /**
   * Removes every member from a room, on every instance ({@link SocketAdmin#purgeRoom}): each gets
   * {@code room.purged} with the reason, then {@code room.left}, and on a presence socket the
   * others {@code presence.leave}.
   *
   * @return how many connections of this server left the room
   */
  public int purgeRoom(String namespace, String room, String reason) {
    LiveSocket socket = requireSocket(namespace);
    requireRoom(socket, room);
    return await(
        admin.purgeRoom(
            namespace, room, reason == null || reason.isBlank() ? DEFAULT_PURGE_REASON : reason));
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(ADAPTER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("ADMIN_UNAVAILABLE", 503, "interrupted");
    } catch (ExecutionException e) {
      throw new Failure("ADMIN_UNAVAILABLE", 503, "the action failed: " + e.getCause());
    } catch (TimeoutException e) {
      throw new Failure(
          "ADMIN_UNAVAILABLE",
          503,
          "no answer from the adapter within " + ADAPTER_WAIT_SECONDS + " s");
    }
  }

  /** Fails with {@code ADMIN_ROOM_NOT_FOUND} when the room has no member on any server. */
  private static void requireRoom(LiveSocket socket, String room) {
    if (room == null || room.isBlank()) {
      throw badRequest("'room' is required");
    }
    Set<String> members;
    try {
      members =
          socket
              .membersAsync(room)
              .toCompletableFuture()
              .get(ADAPTER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("ADMIN_UNAVAILABLE", 503, "interrupted while reading the room's members");
    } catch (ExecutionException | TimeoutException e) {
      throw new Failure("ADMIN_UNAVAILABLE", 503, "the room's members could not be read: " + e);
    }
    if (members.isEmpty()) {
      throw new Failure(
          "ADMIN_ROOM_NOT_FOUND",
          404,
          "No room '" + room + "' in namespace '" + socket.name() + "' (it has no members)");
    }
  }

  /**
   * Closes a connection, on any instance, with {@link #KICK_CLOSE_CODE} and the reason.
   *
   * @return the namespace of the connection when it was on this server, else null
   */
  public String kick(String connectionId, String reason) {
    if (connectionId == null || connectionId.isBlank()) {
      throw badRequest("'connectionId' is required");
    }
    String local = null;
    for (LiveSocket s : sockets) {
      if (s.connection(connectionId).isPresent()) {
        local = s.name();
      }
    }
    if (!Boolean.TRUE.equals(await(admin.kick(connectionId, reason)))) {
      throw new Failure(
          "ADMIN_CONNECTION_NOT_FOUND", 404, "No open connection with id '" + connectionId + "'");
    }
    return local;
  }

  /** The socket of a namespace, or a not-found failure that lists the known ones. */
  LiveSocket requireSocket(String namespace) {
    if (namespace == null || namespace.isBlank()) {
      throw badRequest("'namespace' is required");
    }
    return socket(namespace)
        .orElseThrow(
            () ->
                new Failure(
                    "ADMIN_NAMESPACE_NOT_FOUND",
                    404,
                    "No socket namespace '"
                        + namespace
                        + "'; known: "
                        + sockets.stream().map(LiveSocket::name).sorted().toList()));
  }

  private Optional<LiveSocket> socket(String namespace) {
    return sockets.stream().filter(s -> s.name().equals(namespace)).findFirst();
  }

  private static void requireEventName(String event) {
    if (event == null || !ControllerScanner.EVENT_NAME.matcher(event).matches()) {
      throw badRequest(
          "'event' must be 1-128 letters, digits, '_', '.', ':', '/' or '-', not starting with a"
              + " punctuation mark");
    }
  }
}
