package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.runtime.AdminActions;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.runtime.SocketRuntime;
import io.aquilia.sockets.runtime.meta.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The admin endpoint, {@code <context>/_aquilia/admin/*}: {@code GET sockets}, {@code GET
 * asyncapi}, {@code POST broadcast}, {@code POST purge-room}, {@code POST kick}. Added only when an
 * admin token is configured (see {@link #register}); every request must carry {@code Authorization:
 * Bearer <token>}, compared in constant time. Every call, refused ones included, writes one {@code
 * AQS-161} audit line. Answers are JSON; failures are {@code {"error": CODE, "message": ...}}.
 */
public final class AdminServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger AUDIT = Logger.getLogger("io.aquilia.sockets.admin");

  /** The URL pattern, relative to the context root. */
  public static final String MAPPING = "/_aquilia/admin/*";

  /** The shortest token accepted. */
  static final int MIN_TOKEN_LENGTH = 16;

  /** The largest request body read, in bytes. */
  static final int MAX_BODY = 1024 * 1024;

  private final byte[] tokenDigest;

  AdminServlet(String token) {
    this.tokenDigest = sha256(token);
  }

  /**
   * Adds the servlet to a web application that is starting, when a token of at least {@value
   * #MIN_TOKEN_LENGTH} characters is configured ({@code aquilia.sockets.admin.token}).
   */
  public static void register(ServletContext ctx) {
    String token = AdminConfig.token().orElse(null);
    if (token == null) {
      return;
    }
    Logger log = Logger.getLogger(AdminServlet.class.getName());
    if (token.length() < MIN_TOKEN_LENGTH) {
      log.warning(Messages.adminTokenTooShort(MIN_TOKEN_LENGTH));
      return;
    }
    ServletRegistration.Dynamic r =
        ctx.addServlet("aquilia-sockets-admin", new AdminServlet(token));
    if (r == null) {
      log.warning(Messages.adminNotRegistered("a servlet named aquilia-sockets-admin exists"));
      return;
    }
    if (!r.addMapping(MAPPING).isEmpty()) {
      log.warning(Messages.adminNotRegistered(MAPPING + " is mapped to another servlet"));
      return;
    }
    log.info(Messages.adminEnabled(ctx.getContextPath() + MAPPING.replace("/*", "")));
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String action = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
    Map<String, Object> details = new LinkedHashMap<>();
    int status;
    String outcome;
    try {
      if (!authorized(req.getHeader("Authorization"))) {
        resp.setHeader("WWW-Authenticate", "Bearer realm=\"aquilia-sockets-admin\"");
        throw new AdminActions.Failure("ADMIN_UNAUTHORIZED", 401, "missing or wrong admin token");
      }
      Object body = handle(req, action, details);
      status = 200;
      outcome = "ok";
      write(resp, status, body);
    } catch (AdminActions.Failure f) {
      status = f.status();
      outcome = f.code();
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", f.code());
      error.put("message", f.getMessage());
      write(resp, status, error);
    }
    AUDIT.info(
        Messages.adminAudit(
            req.getMethod(),
            action.isEmpty() ? "/" : action,
            req.getRemoteAddr(),
            status,
            outcome,
            details.isEmpty() ? "" : JsonText.compact(details)));
  }

  private Object handle(HttpServletRequest req, String action, Map<String, Object> details)
      throws IOException {
    AdminActions actions = actions(req);
    switch (action) {
      case "sockets" -> {
        requireMethod(req, "GET");
        return actions.live();
      }
      case "asyncapi" -> {
        requireMethod(req, "GET");
        return actions.asyncApi(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
      }
      case "broadcast" -> {
        requireMethod(req, "POST");
        JsonObject in = body(req);
        String ns = string(in, "namespace");
        String event = string(in, "event");
        JsonValue payload = in.getOrDefault("payload", JsonValue.NULL);
        details.put("namespace", ns);
        details.put("event", event);
        details.put("payloadBytes", payload.toString().getBytes(StandardCharsets.UTF_8).length);
        String room = null;
        if (in.containsKey("room") && in.get("room") != JsonValue.NULL) {
          room = string(in, "room");
          details.put("room", room);
        }
        Object value = payload == JsonValue.NULL ? null : payload;
        int delivered =
            room == null
                ? actions.broadcast(ns, event, value)
                : actions.broadcast(ns, room, event, value);
        Map<String, Object> out = new LinkedHashMap<>(details);
        out.remove("payloadBytes");
        out.put("delivered", delivered);
        details.put("delivered", delivered);
        return out;
      }
      case "purge-room" -> {
        requireMethod(req, "POST");
        JsonObject in = body(req);
        String ns = string(in, "namespace");
        String room = string(in, "room");
        String reason = in.containsKey("reason") ? string(in, "reason") : null;
        details.put("namespace", ns);
        details.put("room", room);
        int removed = actions.purgeRoom(ns, room, reason);
        details.put("removed", removed);
        return new LinkedHashMap<>(details);
      }
      case "kick" -> {
        requireMethod(req, "POST");
        JsonObject in = body(req);
        String id = string(in, "connectionId");
        String reason = in.containsKey("reason") ? string(in, "reason") : null;
        details.put("connectionId", id);
        String ns = actions.kick(id, reason);
        if (ns != null) {
          details.put("namespace", ns);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connectionId", id);
        out.put("namespace", ns);
        out.put("closeCode", AdminActions.KICK_CLOSE_CODE);
        out.put(
            "reason",
            reason == null || reason.isBlank() ? AdminActions.DEFAULT_KICK_REASON : reason);
        return out;
      }
      default ->
          throw new AdminActions.Failure(
              "ADMIN_NOT_FOUND",
              404,
              "unknown admin action '"
                  + action
                  + "'; known: sockets, asyncapi, broadcast, purge-room, kick");
    }
  }

  private AdminActions actions(HttpServletRequest req) {
    Object runtime = req.getServletContext().getAttribute(SocketRuntime.class.getName());
    if (runtime instanceof SocketRuntime r) {
      return new AdminActions(r.sockets(), r.admin());
    }
    return new AdminActions(List.of(), null);
  }

  private static void requireMethod(HttpServletRequest req, String method) {
    if (!method.equals(req.getMethod())) {
      throw new AdminActions.Failure(
          "ADMIN_METHOD_NOT_ALLOWED", 405, "use " + method + " for this action");
    }
  }

  private static JsonObject body(HttpServletRequest req) throws IOException {
    byte[] bytes;
    try (InputStream in = req.getInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      throw AdminActions.badRequest("the request body is larger than " + MAX_BODY + " bytes");
    }
    try (JsonReader r =
        Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      JsonValue v = r.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw AdminActions.badRequest("the request body must be a JSON object");
      }
      return v.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw AdminActions.badRequest("the request body is not valid JSON");
    }
  }

  private static String string(JsonObject in, String key) {
    JsonValue v = in.get(key);
    if (v == null || v == JsonValue.NULL) {
      throw AdminActions.badRequest("'" + key + "' is required");
    }
    if (!(v instanceof JsonString s)) {
      throw AdminActions.badRequest("'" + key + "' must be a string");
    }
    return s.getString();
  }

  private boolean authorized(String header) {
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : "";
    return MessageDigest.isEqual(tokenDigest, sha256(presented)) && !presented.isEmpty();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static void write(HttpServletResponse resp, int status, Object body) throws IOException {
    byte[] out = JsonText.pretty(body).getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("application/json;charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(out.length);
    resp.getOutputStream().write(out);
  }
}
