package io.aquilia.sockets.bench;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Baseline of {@link FwRoomSocket}: every open session is a member of the one room. */
@ServerEndpoint("/raw/room")
public class RawRoomEndpoint {

  static final Set<RawOutbox> MEMBERS = ConcurrentHashMap.newKeySet();

  private RawOutbox out;

  /** Encodes once and queues the frame for every member; returns the number of members. */
  static int broadcast(String event, Object payload) {
    String text = RawSupport.event(event, payload);
    int n = 0;
    for (RawOutbox m : MEMBERS) {
      m.send(text);
      n++;
    }
    return n;
  }

  /** Joins the room. */
  @OnOpen
  public void open(Session session) {
    session.setMaxIdleTimeout(0);
    out = new RawOutbox(session.getAsyncRemote());
    out.send(RawSupport.connected("/raw/room"));
    MEMBERS.add(out);
  }

  /** Members send nothing. */
  @OnMessage
  public void message(String text) {}

  /** Leaves the room. */
  @OnClose
  public void close() {
    MEMBERS.remove(out);
  }
}
