package io.aquilia.sockets.cli;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A JDK WebSocket client for the ITs: records every message and the close. */
final class LiveWs implements WebSocket.Listener, AutoCloseable {

  final List<Map<String, Object>> messages = new CopyOnWriteArrayList<>();
  final CompletableFuture<int[]> closeCode = new CompletableFuture<>();
  volatile String closeReason;
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket ws;

  private LiveWs(URI uri) {
    this.ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, this)
            .join();
  }

  /** Connects to {@code ws://…/chat/ws/chat/<room>?name=<name>} and waits for {@code connected}. */
  static LiveWs chat(String baseUrl, String room, String name) {
    LiveWs c =
        new LiveWs(
            URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/chat/" + room + "?name=" + name));
    c.await(m -> "connected".equals(m.get("event")));
    return c;
  }

  @SuppressWarnings("unchecked")
  String connectionId() {
    Map<String, Object> c = await(m -> "connected".equals(m.get("event")));
    return (String) ((Map<String, Object>) c.get("payload")).get("connectionId");
  }

  /** The first message matching, waiting up to 10 s. */
  Map<String, Object> await(Predicate<Map<String, Object>> p) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> messages.stream().filter(p).findFirst().orElse(null), m -> m != null);
  }

  Map<String, Object> awaitEvent(String event) {
    return await(m -> "event".equals(m.get("type")) && event.equals(m.get("event")));
  }

  void send(String text) {
    ws.sendText(text, true).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) JsonText.parse(partial.toString());
      messages.add(m);
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeReason = reason;
    closeCode.complete(new int[] {statusCode});
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.complete(new int[] {1006});
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(t -> null);
    }
    ws.abort();
  }
}
