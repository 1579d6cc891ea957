package io.aquilia.sockets.bench.load;

/** One client WebSocket connection of the load generator. */
interface Conn extends AutoCloseable {

  /** Queues a text frame; never blocks and never overlaps writes. */
  void send(String text);

  /** Closes the connection (normal closure), without waiting. */
  @Override
  void close();
}
