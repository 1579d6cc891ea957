package io.aquilia.sockets.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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

  /**
   * Opens every peer's connection, at most {@code parallel} handshakes at a time, and waits until
   * each has received its {@code connected} announcement.
   */
  static <P extends Peer> List<P> openAll(
      Client client, URI uri, List<P> peers, int parallel, Duration timeout) {
    Semaphore permits = new Semaphore(parallel);
    List<CompletableFuture<Conn>> opened = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (P p : peers) {
        if (!permits.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException("timed out opening connections to " + uri);
        }
        CompletableFuture<Conn> f =
            client
                .open(uri, p::onText)
                .whenComplete(
                    (c, failure) -> {
                      p.conn = c;
                      permits.release();
                    });
        opened.add(f);
      }
      for (CompletableFuture<Conn> f : opened) {
        f.get(remaining(deadline), TimeUnit.NANOSECONDS);
      }
      for (P p : peers) {
        if (!p.connected.await(remaining(deadline), TimeUnit.NANOSECONDS)) {
          long missing = peers.stream().filter(x -> x.connected.getCount() > 0).count();
          throw new IllegalStateException(
              "no 'connected' announcement from "
                  + uri
                  + " on "
                  + missing
                  + " of "
                  + peers.size()
                  + " connections");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      closeAll(peers);
      throw new IllegalStateException("opening " + peers.size() + " connections failed: " + e, e);
    }
    return peers;
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
