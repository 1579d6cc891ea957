package io.aquilia.sockets.tck.cluster;

import io.aquilia.sockets.SocketAdmin;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test-only entry to {@link SocketAdmin} and the adapter counters of this instance: {@code GET
 * /admin?op=kick&conn=..&reason=..}, {@code op=purge&ns=..&room=..&reason=..}, {@code
 * op=broadcast&ns=..&room=..&event=..}, {@code op=stats}.
 */
@WebServlet("/admin")
public class AdminServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SocketAdmin admin = (SocketAdmin) getServletContext().getAttribute(SocketAdmin.class.getName());
    JsonObjectBuilder out = Json.createObjectBuilder();
    try {
      switch (req.getParameter("op")) {
        case "kick" ->
            out.add(
                "found",
                admin
                    .kick(req.getParameter("conn"), req.getParameter("reason"))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
        case "purge" ->
            out.add(
                "purged",
                admin
                    .purgeRoom(
                        req.getParameter("ns"),
                        req.getParameter("room"),
                        req.getParameter("reason"))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
        case "broadcast" ->
            out.add(
                "local",
                admin
                    .broadcast(
                        req.getParameter("ns"),
                        req.getParameter("room"),
                        req.getParameter("event"),
                        Map.of("text", req.getParameter("text")))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
        case "stats" -> stats().forEach(out::add);
        default -> out.add("error", "unknown op");
      }
    } catch (Exception e) {
      out.add("error", String.valueOf(e));
    }
    resp.setContentType("application/json");
    resp.getWriter().write(out.build().toString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> stats() throws ReflectiveOperationException {
    Object runtime = getServletContext().getAttribute("io.aquilia.sockets.runtime.SocketRuntime");
    Method m = runtime.getClass().getMethod("adapterStats");
    return (Map<String, Long>) m.invoke(runtime);
  }
}
