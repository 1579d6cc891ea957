package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.runtime.DoorDecision;
import io.aquilia.sockets.runtime.DoorRequest;
import io.aquilia.sockets.runtime.LiveSocket;
import io.aquilia.sockets.runtime.SocketRuntime;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The door in front of every socket: for a WebSocket upgrade request to a socket's path it asks the
 * socket's door (origin, token or container authentication, connection quotas) and answers a
 * refusal with its HTTP status before the container upgrades. Other requests pass untouched.
 */
public final class DoorFilter implements Filter {

  /** The name the filter is registered under. */
  public static final String NAME = "aquilia-sockets-door";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest r)
        || !(res instanceof HttpServletResponse w)
        || !"websocket".equalsIgnoreCase(r.getHeader("Upgrade"))
        || r.getHeader("Sec-WebSocket-Key") == null) {
      chain.doFilter(req, res);
      return;
    }
    Object runtime = r.getServletContext().getAttribute(SocketRuntime.class.getName());
    Optional<LiveSocket> socket =
        runtime instanceof SocketRuntime rt ? rt.socketFor(pathOf(r)) : Optional.empty();
    if (socket.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    DoorDecision d =
        socket
            .get()
            .protection()
            .door(
                r.getHeader("Sec-WebSocket-Key"),
                new DoorRequest(
                    headers(r),
                    query(r),
                    r.getRemoteAddr(),
                    r.getUserPrincipal(),
                    r::isUserInRole));
    if (d instanceof DoorDecision.Refused refused) {
      refuse(w, refused);
      return;
    }
    chain.doFilter(req, res);
  }

  private static void refuse(HttpServletResponse w, DoorDecision.Refused refused)
      throws IOException {
    w.setStatus(refused.status());
    if (refused.status() == 401) {
      w.setHeader("WWW-Authenticate", "Bearer");
    } else if (refused.status() == 429) {
      w.setHeader("Retry-After", "1");
    }
    w.setContentType("text/plain;charset=UTF-8");
    byte[] body =
        (refused.fault().code() + " " + refused.fault().getMessage() + "\n")
            .getBytes(StandardCharsets.UTF_8);
    w.setContentLength(body.length);
    w.getOutputStream().write(body);
    w.flushBuffer();
  }

  private static String pathOf(HttpServletRequest r) {
    String servletPath = r.getServletPath() == null ? "" : r.getServletPath();
    String info = r.getPathInfo() == null ? "" : r.getPathInfo();
    String p = servletPath + info;
    if (p.isEmpty()) {
      String uri = r.getRequestURI();
      String ctx = r.getContextPath();
      p = uri != null && ctx != null && uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri;
    }
    return p;
  }

  private static Map<String, List<String>> headers(HttpServletRequest r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : Collections.list(r.getHeaderNames())) {
      out.put(name, new ArrayList<>(Collections.list(r.getHeaders(name))));
    }
    return out;
  }

  private static Map<String, List<String>> query(HttpServletRequest r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    r.getParameterMap().forEach((k, v) -> out.put(k, List.of(v)));
    return out;
  }

  /** The first value of a header in a handshake header map (names compared ignoring case). */
  static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null
          && e.getKey().equalsIgnoreCase(name)
          && e.getValue() != null
          && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
