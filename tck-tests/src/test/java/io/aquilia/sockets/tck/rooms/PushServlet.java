package io.aquilia.sockets.tck.rooms;

import io.aquilia.sockets.Broadcaster;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Pushes from outside any socket: {@code GET /push?room=r&text=t} publishes {@code pushed} to the
 * room through the injected {@link Broadcaster} (by class) and answers with the number of
 * recipients; {@code &ns=1} looks the socket up by namespace name instead.
 */
@WebServlet("/push")
public class PushServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Broadcaster sockets;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String room = req.getParameter("room");
    Map<String, String> payload = Map.of("text", req.getParameter("text"));
    int n =
        req.getParameter("ns") == null
            ? sockets.of(RoomChatSocket.class).publish(room, "pushed", payload)
            : sockets.namespace("/ws/rooms/:room").orElseThrow().publish(room, "pushed", payload);
    resp.setContentType("text/plain");
    resp.getWriter().print(n);
  }
}
