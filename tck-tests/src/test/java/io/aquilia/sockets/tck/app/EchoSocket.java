package io.aquilia.sockets.tck.app;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Exercises every handler kind and binding of the foundation. */
@Socket("/ws/echo/:room")
public class EchoSocket extends SocketController {

  @Inject Greeter greeter;

  /** An order with constraints. */
  public record Order(@Min(1) @Max(5) int qty, @NotBlank String sku) {}

  /** The result of an order. */
  public record Receipt(String room, int qty, String sku) {}

  /** A greeting request. */
  public record Greeting(@NotBlank String name) {}

  /** A room request. */
  public record RoomRequest(@NotBlank String room) {}

  /** A close command. */
  public record CloseCommand(int code, String reason) {}

  /** Echoes the payload. */
  @Event("echo")
  public Map<String, Object> echo(Map<String, Object> payload) {
    return payload;
  }

  /** Uses an injected bean. */
  @AckEvent("greet")
  public String greet(Greeting g) {
    return greeter.greet(g.name());
  }

  /** Validated payload plus path parameter. */
  @Event(value = "order.place", ack = true)
  public Receipt place(@PathParam("room") String room, Order order) {
    return new Receipt(room, order.qty(), order.sku());
  }

  /** Fails with an exception whose text must not reach the client. */
  @Event("boom")
  public void boom() {
    throw new IllegalStateException("secret-detail-xyz");
  }

  /** Fails with a fault the client may see. */
  @Event("deny")
  public void deny() {
    throw SocketFault.forbidden("not today");
  }

  /** Completes later. */
  @Event("async")
  public CompletionStage<String> async() {
    return CompletableFuture.supplyAsync(() -> "later");
  }

  /** Room join handler: the framework joins the room it returns. */
  @Subscribe("room.join")
  public String join(RoomRequest r) {
    return r.room();
  }

  /** Room leave handler. */
  @Unsubscribe("room.leave")
  public String leave(RoomRequest r) {
    return r.room();
  }

  /** What the connection knows of its handshake. */
  @AckEvent("whoami")
  public Map<String, Object> whoami(Connection c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("path", c.path());
    m.put("room", c.pathParams().get("room"));
    m.put("q", c.queryParam("q").orElse(null));
    m.put("header", c.header("X-Test").orElse(null));
    return m;
  }

  /** The raw envelope. */
  @AckEvent("raw")
  public String raw(Envelope e) {
    return e.event() + ":" + e.type().wireName();
  }

  /** Closes the connection from the server. */
  @Event("close.me")
  public void closeMe(Connection c, CloseCommand cmd) {
    c.close(cmd.code(), cmd.reason());
  }
}
