package io.aquilia.sockets.bench;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Baseline of {@link FwRoomSocket}: a session is a member of the room named in its path. */
@ServerEndpoint("/raw/room/{room}")
public class RawRoomEndpoint {

  static final Map<String, Set<RawOutbox>> ROOMS = new ConcurrentHashMap<>();
  static final AtomicInteger OPEN = new AtomicInteger();

  private RawOutbox out;
  private String room;

  /** Encodes once and queues the frame for every member of a room; returns the number. */
  static int publish(String room, String event, Object payload) {
    Set<RawOutbox> members = ROOMS.get(room);
    if (members == null) {
      return 0;
    }
    String text = RawSupport.event(event, payload);
    int n = 0;
    for (RawOutbox m : members) {
      m.send(text);
      n++;
    }
    return n;
  }

  /** Joins the room. */
  @OnOpen
  public void open(Session session, @PathParam("room") String room) {
    session.setMaxIdleTimeout(0);
    this.room = room;
    out = new RawOutbox(session.getAsyncRemote());
    out.send(RawSupport.connected("/raw/room"));
    ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(out);
    OPEN.incrementAndGet();
  }

  /** Members send nothing. */
  @OnMessage
  public void message(String text) {}

  /** Leaves the room. */
  @OnClose
  public void close() {
    Set<RawOutbox> members = ROOMS.get(room);
    if (members != null) {
      members.remove(out);
    }
    OPEN.decrementAndGet();
  }
}
