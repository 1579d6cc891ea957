package io.aquilia.sockets.bench.load;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A WebSocket client library used by the load generator. */
interface Client extends AutoCloseable {

  /** Opens a connection; {@code onText} receives every complete text message, in order. */
  CompletableFuture<Conn> open(URI uri, Consumer<String> onText);

  /** The client's name in the results. */
  String name();

  @Override
  void close();

  /** The client named {@code jdk} (java.net.http.WebSocket) or {@code tyrus}. */
  static Client named(String name) {
    return switch (name) {
      case "jdk" -> new JdkClient();
      case "tyrus" -> new TyrusClient();
      default -> throw new IllegalArgumentException("unknown client: " + name + " (jdk, tyrus)");
    };
  }
}
