package io.aquilia.sockets.bench.load;

/** The phase of a round, shared by its peers: running (keep sending) and measuring (count). */
final class Round {
  volatile boolean running = true;
  volatile boolean measuring;
}
