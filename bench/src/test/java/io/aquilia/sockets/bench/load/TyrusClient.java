package io.aquilia.sockets.bench.load;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;

/** The Tyrus standalone (Grizzly) client, with the same per-connection send queue. */
final class TyrusClient implements Client {

  private final ClientManager manager = ClientManager.createClient();
  private final Executor connector = Executors.newFixedThreadPool(8, Threads.daemon("tyrus-open"));

  @Override
  public CompletableFuture<Conn> open(URI uri, Consumer<String> onText) {
    return CompletableFuture.supplyAsync(
        () -> {
          TyrusConn conn = new TyrusConn(onText);
          try {
            manager.connectToServer(conn, ClientEndpointConfig.Builder.create().build(), uri);
          } catch (Exception e) {
            throw new IllegalStateException("connect " + uri + " failed", e);
          }
          return conn;
        },
        connector);
  }

  @Override
  public String name() {
    return "tyrus";
  }

  @Override
  public void close() {
    manager.shutdown();
  }

  private static final class TyrusConn extends Endpoint implements Conn {

    private final Consumer<String> onText;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile Session session;

    TyrusConn(Consumer<String> onText) {
      this.onText = onText;
    }

    @Override
    public void onOpen(Session s, EndpointConfig config) {
      session = s;
      s.setMaxTextMessageBufferSize(1 << 20);
      s.addMessageHandler(String.class, (MessageHandler.Whole<String>) onText::accept);
    }

    @Override
    public void onClose(Session s, CloseReason reason) {}

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
        session.getAsyncRemote().sendText(text, this::sent);
        return;
      }
    }

    private void sent(SendResult result) {
      sending.set(false);
      if (result.isOK()) {
        drain();
      }
    }

    @Override
    public void close() {
      try {
        session.close();
      } catch (IOException | RuntimeException e) {
        // closing anyway
      }
    }
  }
}
