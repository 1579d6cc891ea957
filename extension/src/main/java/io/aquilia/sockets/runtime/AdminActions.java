package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Connection;
import io.aquilia.sockets.runtime.meta.AsyncApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations behind the admin endpoint and the {@code aq ws} commands, on one application's
 * {@link SocketRuntime}. No transport here: the servlet glue parses requests, checks the token and
 * writes the audit line.
 *
 * <p>Every action goes through the socket's own operations ({@link LiveSocket#broadcast}, {@link
 * Connection#close}), so when a cluster adapter carries those across instances the actions reach
 * every instance without change. An action that finds nothing locally (a connection on another
 * instance) is where an adapter fans the request out; today it answers "not found".
 */
public final class AdminActions {

  /** The most connections listed per socket by {@link #live()}. */
  static final int MAX_LISTED_CONNECTIONS = 1000;

  /** The close code of a kicked connection: policy violation, which clients must not retry. */
  public static final int KICK_CLOSE_CODE = 1008;

  /** The close reason when none is given. */
  public static final String DEFAULT_KICK_REASON = "kicked by admin";

  private final List<LiveSocket> sockets;

  /** Actions on the sockets of one application ({@link SocketRuntime#sockets()}). */
  public AdminActions(List<LiveSocket> sockets) {
    this.sockets = List.copyOf(sockets);
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
    return requireSocket(namespace).broadcast(event, payload);
  }

  /**
   * Closes a connection with {@link #KICK_CLOSE_CODE} and the reason.
   *
   * @return the namespace of the connection
   */
  public String kick(String connectionId, String reason) {
    if (connectionId == null || connectionId.isBlank()) {
      throw badRequest("'connectionId' is required");
    }
    for (LiveSocket s : sockets) {
      Optional<Connection> c = s.connection(connectionId);
      if (c.isPresent()) {
        c.get()
            .close(
                KICK_CLOSE_CODE, reason == null || reason.isBlank() ? DEFAULT_KICK_REASON : reason);
        return s.name();
      }
    }
    throw new Failure(
        "ADMIN_CONNECTION_NOT_FOUND", 404, "No open connection with id '" + connectionId + "'");
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
