package io.aquilia.sockets.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The JDK's {@link WebSocket} client; connections are spread over two HTTP clients. */
final class JdkClient implements Client {

  private final HttpClient[] clients = {HttpClient.newHttpClient(), HttpClient.newHttpClient()};
  private static final AtomicInteger ERRORS = new AtomicInteger();
  private final AtomicInteger next = new AtomicInteger();

  @Override
  public CompletableFuture<Conn> open(URI uri, Consumer<String> onText) {
    JdkConn conn = new JdkConn(onText);
    HttpClient http = clients[Math.floorMod(next.getAndIncrement(), clients.length)];
    return http.newWebSocketBuilder()
        .buildAsync(uri, conn)
        .thenApply(
            ws -> {
              conn.ws = ws;
              return conn;
            });
  }

  @Override
  public String name() {
    return "jdk";
  }

  @Override
  public void close() {
    // HttpClient has no close() before Java 21; its threads are daemons.
  }

  /** One connection: a send queue (the JDK refuses overlapping sends) and a message assembler. */
  private static final class JdkConn implements Conn, WebSocket.Listener {

    private final Consumer<String> onText;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket ws;
    private int messages;

    JdkConn(Consumer<String> onText) {
      this.onText = onText;
    }

    @Override
    public void send(String text) {
      queue.add(text);
      drain();
    }

    private void drain() {
      while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
        String text = queue.poll();
        if (text == null) {
          sending.set(false);
          continue;
        }
        ws.sendText(text, true)
            .whenComplete(
                (w, failure) -> {
                  sending.set(false);
                  if (failure == null) {
                    drain();
                  }
                });
        return;
      }
    }

    @Override
    public void close() {
      WebSocket w = ws;
      if (w != null) {
        w.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(t -> null);
      }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      this.ws = webSocket;
      webSocket.request(1);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      if (ERRORS.getAndIncrement() < 5) {
        Log.info(
            "jdk client: a connection failed after %d whole messages (%d chars of the next): %s,"
                + " cause %s",
            messages, partial.length(), error, error.getCause());
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (messages == 0 && ERRORS.getAndIncrement() < 5) {
        Log.info(
            "jdk client: the server closed a connection before its first message: %d %s",
            statusCode, reason);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last) {
        messages++;
      }
      if (last && partial.length() == 0) {
        onText.accept(data.toString());
      } else {
        partial.append(data);
        if (last) {
          onText.accept(partial.toString());
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
