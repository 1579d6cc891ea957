package io.aquilia.sockets.runtime;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one catalogue of Aquilia Sockets messages. Every message starts with a stable id: {@code
 * AQS-0xx} for deployment (definition) errors, {@code AQS-1xx} for run-time log lines. Ids are
 * never reused for another meaning.
 */
public final class Messages {

  private Messages() {}

  /** A method as {@code com.example.ChatSocket#send(String)}. */
  static String describe(Method m) {
    String params =
        Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
    return m.getDeclaringClass().getName() + "#" + m.getName() + "(" + params + ")";
  }

  static String pathMissing(Class<?> type) {
    return "AQS-001 @Socket on "
        + type.getName()
        + " must give the path as value or path, not neither";
  }

  static String pathTwice(Class<?> type) {
    return "AQS-001 @Socket on " + type.getName() + " gives both value and path; give one of them";
  }

  static String invalidPath(Class<?> type, String path, String why) {
    return "AQS-002 @Socket on " + type.getName() + " has an invalid path '" + path + "': " + why;
  }

  static String duplicatePath(String path, Class<?> a, Class<?> b) {
    return "AQS-003 Sockets ["
        + a.getName()
        + ", "
        + b.getName()
        + "] declare the same path: "
        + path;
  }

  static String duplicateNamespace(String ns, Class<?> a, Class<?> b) {
    return "AQS-004 Sockets [" + a.getName() + ", " + b.getName() + "] share the namespace: " + ns;
  }

  static String duplicateEvent(String event, Method a, Method b) {
    return "AQS-005 Two handlers ["
        + describe(a)
        + ", "
        + describe(b)
        + "] are declared for the event: "
        + event;
  }

  static String duplicateLifecycle(String annotation, Method a, Method b) {
    return "AQS-006 More than one @"
        + annotation
        + " method ["
        + describe(a)
        + ", "
        + describe(b)
        + "]; a socket has at most one";
  }

  static String badSignature(Method m, String why) {
    return "AQS-007 Handler " + describe(m) + " has a bad signature: " + why;
  }

  static String unknownPathParam(Method m, String name, String path) {
    return "AQS-008 Handler "
        + describe(m)
        + " binds @PathParam(\""
        + name
        + "\"), which is not a parameter of the path "
        + path;
  }

  static String notBindable(Method m, int index, String type, String why) {
    return "AQS-009 Parameter "
        + index
        + " ("
        + type
        + ") of "
        + describe(m)
        + " cannot be bound: "
        + why;
  }

  static String invalidLimit(Class<?> type, String attribute, Object value, String rule) {
    return "AQS-010 @Socket on "
        + type.getName()
        + " has an invalid "
        + attribute
        + " = "
        + value
        + ": "
        + rule;
  }

  static String notAController(Class<?> type) {
    return "AQS-011 "
        + type.getName()
        + " is annotated @Socket but does not extend SocketController";
  }

  static String conflictingAnnotations(Method m, String annotations) {
    return "AQS-012 Handler "
        + describe(m)
        + " carries more than one handler annotation: "
        + annotations;
  }

  static String invalidEventName(Method m, String event, String why) {
    return "AQS-013 Handler "
        + describe(m)
        + " declares an invalid event name '"
        + event
        + "': "
        + why;
  }

  static String invalidOrigin(Class<?> type, String origin, String why) {
    return "AQS-014 @Socket on "
        + type.getName()
        + " has an invalid allowed origin '"
        + origin
        + "': "
        + why;
  }

  static String manifestUnknownClass(String name, String why) {
    return "AQS-015 META-INF/aquilia-sockets.properties lists the controller '"
        + name
        + "', which "
        + why;
  }

  /** The manifest's {@code discovery} value is neither auto nor manifest. */
  public static String manifestDiscovery(String resource, String value) {
    return manifestProblem(resource, "has discovery=" + value + "; expected 'auto' or 'manifest'");
  }

  /** The manifest cannot be read. */
  public static String manifestUnreadable(String resource, String why) {
    return manifestProblem(resource, "cannot be read: " + why);
  }

  private static String manifestProblem(String resource, String problem) {
    return "AQS-017 " + resource + " " + problem;
  }

  /** A manifest entry that is not a discovered controller. */
  public static String manifestNotASocket(String name) {
    return manifestUnknownClass(name, "is not a @Socket bean of this application");
  }

  static String abstractController(Class<?> type) {
    return "AQS-016 " + type.getName() + " is annotated @Socket but is abstract or an interface";
  }

  static String invalidEmittedEvent(Class<?> type, String event) {
    return "AQS-050 @Emits on "
        + type.getName()
        + " declares an invalid event name '"
        + event
        + "': use 1-128 letters, digits, '_', '.', ':', '/' or '-', not starting with a"
        + " punctuation mark";
  }

  static String duplicateEmittedEvent(Class<?> type, String event) {
    return "AQS-051 @Emits on " + type.getName() + " declares the event twice: " + event;
  }

  /** The build-time metadata step's report. */
  public static String described(int sockets, String metadataFile, String asyncApiFile) {
    return "AQS-052 Described "
        + sockets
        + " socket(s) in "
        + metadataFile
        + " and "
        + asyncApiFile;
  }

  /** The admin endpoint is on. */
  public static String adminEnabled(String where) {
    return "AQS-160 Admin endpoint enabled at "
        + where
        + " (requests need 'Authorization: Bearer <aquilia.sockets.admin.token>')";
  }

  /**
   * One audit line per admin call. Never contains the token or the payload, only its size.
   *
   * @param details what the call named (namespace, room, connection, event), may be empty
   */
  public static String adminAudit(
      String method, String action, String remote, int status, String outcome, String details) {
    return "AQS-161 Admin audit: "
        + method
        + " "
        + action
        + " from "
        + remote
        + " -> "
        + status
        + " "
        + outcome
        + (details.isEmpty() ? "" : " " + details);
  }

  /** The configured token is too weak: the endpoint stays off. */
  public static String adminTokenTooShort(int minimum) {
    return "AQS-162 Admin endpoint stays off: aquilia.sockets.admin.token must have at least "
        + minimum
        + " characters";
  }

  /** The admin endpoint could not be added to the web application. */
  public static String adminNotRegistered(String why) {
    return "AQS-163 Admin endpoint not registered: " + why;
  }

  static String badRoomHandlerReturn(Method m, String annotation, String type) {
    return "AQS-020 "
        + annotation
        + " handler "
        + describe(m)
        + " returns "
        + type
        + "; it must return void, String (the room) or CompletionStage<String>";
  }

  static String unknownJoinPathRoom(Class<?> type, String param, String path) {
    return "AQS-021 @Socket on "
        + type.getName()
        + " has joinPathRoom = \""
        + param
        + "\", which is not a parameter of the path "
        + path;
  }

  static String reservedEvent(Method m, String event, String why) {
    return "AQS-022 Handler "
        + describe(m)
        + " declares the reserved event '"
        + event
        + "': "
        + why;
  }

  /** The deployment summary line for one socket. */
  static String socketSummary(String line) {
    return "AQS-101 Socket registered: " + line;
  }

  static String handlerFailed(String socket, String event, String connectionId) {
    return "AQS-102 Handler for event '"
        + event
        + "' on socket "
        + socket
        + " failed (connection "
        + connectionId
        + "); the client got WS_INTERNAL_ERROR";
  }

  static String lifecycleFailed(String what, String socket, String connectionId) {
    return "AQS-103 " + what + " of socket " + socket + " failed (connection " + connectionId + ")";
  }

  static String dropped(String connectionId, String policy, long total) {
    return "AQS-104 Outbound queue full for connection "
        + connectionId
        + ": message dropped ("
        + policy
        + ", "
        + total
        + " dropped so far)";
  }

  /** A controller class used before (or without) its socket being deployed. */
  public static String notDeployed(String controller) {
    return "AQS-100 No deployed socket for " + controller + " (not deployed yet?)";
  }

  static String writeFailed(String connectionId) {
    return "AQS-108 Write failed on connection " + connectionId;
  }

  static String pingFailed(String connectionId) {
    return "AQS-109 Ping failed on connection " + connectionId;
  }

  static String closeFailed(String connectionId) {
    return "AQS-110 Close failed on connection " + connectionId;
  }

  /** The container reported a transport error on a connection. */
  public static String transportError(String connectionId) {
    return "AQS-111 Transport error on connection " + connectionId;
  }

  /** A controller left out because the manifest turns auto-discovery off. */
  public static String notListed(String controller) {
    return "AQS-112 "
        + controller
        + " is not listed in the manifest and auto-discovery is off: not registered";
  }

  /** The web application has no WebSocket container. */
  public static String noWebSocketContainer() {
    return "AQS-113 No Jakarta WebSocket container in this web application; enable the websocket"
        + " feature";
  }

  /** The container refused an endpoint. */
  public static String endpointRefused(String path) {
    return "AQS-114 The container refused the endpoint " + path;
  }

  /** Closing the JSON-B instance failed at undeployment. */
  public static String jsonbCloseFailed() {
    return "AQS-115 Closing JSON-B failed";
  }

  /** No Bean Validation provider. */
  public static String noBeanValidation() {
    return "AQS-116 Bean Validation is not available: payload constraints are not checked";
  }

  static String connected(String id, String socket, String principal) {
    return "AQS-118 connect id=" + id + " socket=" + socket + " principal=" + principal;
  }

  static String disconnected(
      String id, String socket, String principal, int code, long millis, long in, long out) {
    return "AQS-119 disconnect id="
        + id
        + " socket="
        + socket
        + " principal="
        + principal
        + " code="
        + code
        + " duration="
        + millis
        + "ms in="
        + in
        + " out="
        + out;
  }

  /** A metric could not be registered. */
  public static String metricNotRegistered(String name) {
    return "AQS-170 Metric " + name + " cannot be registered";
  }

  /** A class of the extension jar is missing. */
  public static String optionalApiMissing(String className) {
    return "AQS-171 " + className + " is missing from the extension jar";
  }

  static String observerFailed() {
    return "AQS-172 The metrics observer failed; later failures are not logged";
  }

  /** MicroProfile Metrics is on the class path but does not work. */
  public static String metricsUnusable() {
    return "AQS-173 MicroProfile Metrics present but not usable; no socket metrics";
  }

  /** MicroProfile Metrics gave no application registry. */
  public static String noMetricsRegistry() {
    return "AQS-174 MicroProfile Metrics gave no application registry; no socket metrics";
  }

  static String heartbeatTimeout(String connectionId, String socket, long silentMillis) {
    return "AQS-117 Connection "
        + connectionId
        + " on "
        + socket
        + " closed (1001): nothing received for "
        + silentMillis
        + " ms, beyond the heartbeat interval plus timeout";
  }

  static String slowConsumerClosed(String connectionId, int capacity) {
    return "AQS-105 Connection "
        + connectionId
        + " closed as a slow consumer (outbound queue of "
        + capacity
        + " full)";
  }

  static String shutdown(int count) {
    return "AQS-106 Shutting down: closing " + count + " connection(s) with 1001";
  }

  public static String originRefused(String path, String origin) {
    return "AQS-107 Handshake refused on " + path + ": origin not allowed: " + origin;
  }

  // ---------------------------------------------------------------- protection (issue 4)

  static String invalidOverride(Class<?> type, String key, String value, String rule) {
    return "AQS-030 Configuration "
        + key
        + " = '"
        + value
        + "' for the socket "
        + type.getName()
        + " is invalid: "
        + rule;
  }

  /** A configuration key under {@code aquilia.sockets.} that names no socket or attribute. */
  public static String unknownConfigKey(String key, String why) {
    return "AQS-031 Unknown configuration key " + key + ": " + why;
  }

  static String unusableComponent(Class<?> type, Class<?> named, Class<?> kind, String why) {
    return "AQS-032 "
        + type.getName()
        + " names "
        + named.getName()
        + " as a "
        + kind.getSimpleName()
        + ", which cannot be used: "
        + why;
  }

  /** A guard or middleware class that is neither a bean nor instantiable. */
  public static String noInstance(String named, String why) {
    return "AQS-033 "
        + named
        + " is named in @UseGuards or @UseMiddleware but no instance can be created: "
        + why;
  }

  /** More than one token authenticator bean. */
  public static String ambiguousAuthenticator(String beans) {
    return "AQS-034 More than one TokenAuthenticator bean: " + beans + "; keep one";
  }

  static String eventOnlyAnnotation(Method m, String annotation) {
    return "AQS-035 @"
        + annotation
        + " on "
        + describe(m)
        + " has no effect: it applies to event handlers (and @RolesAllowed, @UseGuards and"
        + " @UseMiddleware also to the controller class)";
  }

  static String invalidRoles(Class<?> type) {
    return "AQS-036 @RolesAllowed on " + type.getName() + " names an empty role";
  }

  /** {@code @GlobalMiddleware} on a class that is not a middleware. */
  public static String notAMiddleware(String type) {
    return "AQS-037 "
        + type
        + " is annotated @GlobalMiddleware but does not implement SocketMiddleware";
  }

  /** A handshake refused before the upgrade (the token never appears). */
  public static String handshakeRefused(String path, int status, String code, String detail) {
    return "AQS-140 Handshake refused on "
        + path
        + " with HTTP "
        + status
        + " "
        + code
        + ": "
        + detail;
  }

  static String refusedAfterUpgrade(String path, String connectionId, String code, String why) {
    return "AQS-141 Connection "
        + connectionId
        + " on "
        + path
        + " refused after the upgrade ("
        + code
        + "): "
        + why;
  }

  static String rateLimitClosed(String connectionId, String path, int violations) {
    return "AQS-142 Connection "
        + connectionId
        + " on "
        + path
        + " closed with 1008 after "
        + violations
        + " rate-limited messages";
  }

  static String middlewareFailed(String what, String middleware, String connectionId) {
    return "AQS-143 Middleware "
        + middleware
        + " failed in "
        + what
        + " (connection "
        + connectionId
        + ")";
  }

  static String authenticatorFailed(String path) {
    return "AQS-144 The TokenAuthenticator failed on "
        + path
        + "; the handshake was refused with HTTP 500";
  }

  /** The logging middleware's connect line. */
  public static String logConnect(String ns, String id, String user, String address) {
    return "AQS-145 connect " + ns + " connection=" + id + " user=" + user + " address=" + address;
  }

  /** The logging middleware's message line; {@code payload} is null unless payloads are on. */
  public static String logMessage(
      String ns, String id, String event, Object msgId, String payload) {
    return "AQS-146 message "
        + ns
        + " connection="
        + id
        + " event="
        + event
        + " id="
        + msgId
        + (payload == null ? "" : " payload=" + payload);
  }

  /** The logging middleware's disconnect line. */
  public static String logDisconnect(String ns, String id, int code, String reason) {
    return "AQS-147 disconnect " + ns + " connection=" + id + " code=" + code + " reason=" + reason;
  }

  /** A configuration override in force, logged at deployment. */
  public static String overrideApplied(String key, String value) {
    return "AQS-148 Configuration override " + key + " = " + value;
  }

  static String droppedTotal(String connectionId, String policy, long total) {
    return "AQS-120 Connection "
        + connectionId
        + " ended after "
        + total
        + " outbound message(s) were dropped ("
        + policy
        + ")";
  }

  static String adapterFailed(String operation, String socket, String room, Throwable failure) {
    return "AQS-121 Adapter "
        + operation
        + " failed on socket "
        + socket
        + (room == null ? "" : " room '" + room + "'")
        + ": "
        + failure;
  }

  static String streamFailed(String socket, String event, String connectionId) {
    return "AQS-122 Streaming reply of event '"
        + event
        + "' on socket "
        + socket
        + " failed mid-stream (connection "
        + connectionId
        + "); the client got an error ack";
  }

  static String inboundRejected(String connectionId, int capacity, long total) {
    return "AQS-123 Connection "
        + connectionId
        + " has "
        + capacity
        + " messages waiting or in progress: message refused with WS_QUOTA_EXCEEDED ("
        + total
        + " refused so far)";
  }

  static String roomNotifyFailed(String what, String socket, String connectionId) {
    return "AQS-124 " + what + " on socket " + socket + " failed (connection " + connectionId + ")";
  }

  static String adapterStartFailed(String adapter, Throwable failure) {
    return "AQS-125 Adapter " + adapter + " failed to start: " + failure;
  }

  static String adminAction(String action, String namespace, String target, String detail) {
    return "AQS-202 Admin "
        + action
        + (namespace == null ? "" : " namespace=" + namespace)
        + (target == null ? "" : " target=" + target)
        + (detail == null ? "" : " detail=" + detail);
  }

  /** The configured adapter has no provider in the application. */
  public static String noAdapterProvider(String key, String name, String known, boolean redis) {
    return "AQS-070 "
        + key
        + "="
        + name
        + " names no adapter in this application (known: "
        + known
        + ")"
        + (redis ? "; add io.aquilia.sockets:aquilia-sockets-adapter-redisson to WEB-INF/lib" : "");
  }

  /** The configured adapter rejected its settings. */
  public static String adapterMisconfigured(String name, String problem) {
    return "AQS-071 The " + name + " adapter is misconfigured: " + problem;
  }

  /** The application produces more than one SocketAdapter bean. */
  public static String ambiguousAdapterBeans(int count) {
    return "AQS-072 The application produces "
        + count
        + " beans of type SocketAdapter; produce at most one";
  }

  /** The adapter in use, logged once at start. */
  public static String adapterSelected(String name, String source) {
    return "AQS-203 Adapter: " + name + " (" + source + ")";
  }

  static String closeStuck(String connectionId, int seconds) {
    return "AQS-126 Connection "
        + connectionId
        + " could not be sent its close frame within "
        + seconds
        + " s (its client stopped reading): dropped";
  }

  static String waiterFailed() {
    return "AQS-127 A task waiting for room in an outbound queue failed";
  }
}
