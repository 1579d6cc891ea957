package io.aquilia.sockets.redisson;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a backplane hands to the runtime, as readable lines. */
final class RecordingInbound implements RedisBackplane.Inbound {

  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void deliver(String ns, String room, String text, String exclude, long offset) {
    events.add("deliver " + ns + " " + room + " " + text + " x=" + exclude + " o=" + offset);
  }

  @Override
  public void kick(String connectionId, int code, String reason) {
    events.add("kick " + connectionId + " " + code + " " + reason);
  }

  @Override
  public void purge(String ns, String room, String reason) {
    events.add("purge " + ns + " " + room + " " + reason);
  }

  @Override
  public void presence(String ns, String room, PresenceDelta d) {
    String what = d.before() == null ? "joined " : d.after() == null ? "left " : "changed ";
    String key = d.before() == null ? d.after().key() : d.before().key();
    events.add(what + ns + " " + room + " " + key);
  }

  boolean has(String line) {
    return events.contains(line);
  }
}
