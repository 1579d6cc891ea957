package io.aquilia.sockets.tck.app;

import io.aquilia.sockets.CloseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every @OnDisconnect call so that tests can count them through {@link ProbeSocket}. */
@ApplicationScoped
public class DisconnectLog {

  private final Map<String, List<CloseStatus>> calls = new ConcurrentHashMap<>();

  /** Records one call. */
  public void record(String connectionId, CloseStatus status) {
    calls.computeIfAbsent(connectionId, k -> new CopyOnWriteArrayList<>()).add(status);
  }

  /** The calls for a connection. */
  public List<CloseStatus> of(String connectionId) {
    return new ArrayList<>(calls.getOrDefault(connectionId, List.of()));
  }
}
