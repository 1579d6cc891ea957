package io.aquilia.sockets.tck.frames;

import io.aquilia.sockets.Connection;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * On connect: one large event ({@code ?kb=} kilobytes of text), and at the same time, from another
 * thread, 50 small ones: the writes of one connection must never overlap or interleave.
 */
@Socket(value = "/ws/burst", allowedOrigins = "*", outboundQueueSize = 4096)
public class BurstSocket extends SocketController {

  private static final ExecutorService OTHER = Executors.newFixedThreadPool(4);

  /** Sends the burst. */
  @OnConnect
  public void burst(Connection c) {
    int kb = Integer.parseInt(c.queryParam("kb").orElse("200"));
    String big = "x".repeat(kb * 1024);
    OTHER.execute(
        () -> {
          for (int i = 0; i < 50; i++) {
            c.send("small", i);
          }
        });
    c.send("big", big);
  }
}
