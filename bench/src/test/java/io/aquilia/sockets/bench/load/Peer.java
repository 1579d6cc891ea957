package io.aquilia.sockets.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated client: its connection, and what it does with the frames it receives. The server's
 * {@code connected} announcement is consumed here; every other frame goes to {@link #message}.
 */
abstract class Peer {

  final CountDownLatch connected = new CountDownLatch(1);
  volatile Conn conn;

  final void onText(String text) {
    if (connected.getCount() > 0 && text.contains("\"event\":\"connected\"")) {
      connected.countDown();
      return;
    }
    message(text);
  }

  /** A frame other than the connection announcement. Called by one thread at a time. */
  abstract void message(String text);

  /** Handshakes tried per peer before {@link #openAll} gives up. */
  static final int TRIES = 3;

  /**
   * Opens every peer's connection, at most {@code parallel} handshakes at a time, and waits until
   * each has received its {@code connected} announcement. A peer whose handshake or announcement
   * has not arrived within a third of {@code timeout} is opened again (at most {@link #TRIES}
   * times, logged): in one of three full runs 2 of 10,000 JDK client handshakes never completed,
   * and the server never saw them open.
   */
  static <P extends Peer> List<P> openAll(
      Client client, URI uri, List<P> peers, int parallel, Duration timeout) {
    List<P> missing = peers;
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      missing = tryOpen(client, uri, missing, parallel, timeout.dividedBy(TRIES));
      if (missing.isEmpty()) {
        return peers;
      }
      Log.info(
          "%d of %d connections to %s had no 'connected' announcement after try %d of %d",
          missing.size(), peers.size(), uri, attempt, TRIES);
      closeAll(missing);
    }
    closeAll(peers);
    throw new IllegalStateException(
        "no 'connected' announcement from "
            + uri
            + " on "
            + missing.size()
            + " of "
            + peers.size()
            + " connections after "
            + TRIES
            + " tries");
  }

  /** One try: opens {@code peers}; returns those without a {@code connected} announcement. */
  private static <P extends Peer> List<P> tryOpen(
      Client client, URI uri, List<P> peers, int parallel, Duration timeout) {
    Semaphore permits = new Semaphore(parallel);
    AtomicBoolean over = new AtomicBoolean();
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CompletableFuture<Conn>> opened = new ArrayList<>();
    try {
      for (P p : peers) {
        p.conn = null;
        if (!permits.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
          break;
        }
        opened.add(
            client
                .open(uri, p::onText)
                .whenComplete(
                    (c, failure) -> {
                      permits.release();
                      if (c != null && over.get()) {
                        c.close(); // a handshake that completed after its try gave up
                      } else if (c != null) {
                        p.conn = c;
                      }
                    }));
      }
      for (CompletableFuture<Conn> f : opened) {
        try {
          f.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException notOpened) {
          // counted as missing below
        }
      }
      for (P p : peers) {
        if (!p.connected.await(remaining(deadline), TimeUnit.NANOSECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(peers);
      throw new IllegalStateException(e);
    } finally {
      over.set(true);
    }
    List<P> missing = new ArrayList<>();
    for (P p : peers) {
      if (p.connected.getCount() > 0 || p.conn == null) {
        missing.add(p);
      }
    }
    return missing;
  }

  static void closeAll(List<? extends Peer> peers) {
    for (Peer p : peers) {
      Conn c = p.conn;
      if (c != null) {
        c.close();
      }
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /** The number after {@code key} (e.g. {@code "\"id\":"}) in text, or -1. */
  static long longAfter(String text, String key) {
    int i = text.indexOf(key);
    if (i < 0) {
      return -1;
    }
    i += key.length();
    long v = 0;
    boolean any = false;
    boolean negative = i < text.length() && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
      any = true;
    }
    return any ? (negative ? -v : v) : -1;
  }
}
