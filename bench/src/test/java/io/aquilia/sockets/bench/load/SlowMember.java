package io.aquilia.sockets.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A room member over a plain socket that reads (and discards) what the server sends only while it
 * is told to: while it does not read, the server's writes to it back up (kernel buffers first, then
 * the server's queue for it), which makes it the slow member of the fan-out scenario; while it
 * reads, it is one more member that keeps up (the control).
 */
final class SlowMember implements AutoCloseable {

  private final Socket socket;
  private final Thread reader;
  private volatile boolean reading = true;

  private SlowMember(Socket socket) {
    this.socket = socket;
    this.reader = new Thread(this::readLoop, "slow-member");
    reader.setDaemon(true);
    reader.start();
  }

  /** Joins through the handshake; it reads until told otherwise ({@link #reading(boolean)}). */
  static SlowMember join(URI ws) {
    try {
      Socket s = new Socket();
      s.setReceiveBufferSize(4096);
      s.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 5000);
      s.setSoTimeout(1000);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String req =
          "GET "
              + ws.getRawPath()
              + " HTTP/1.1\r\nHost: "
              + ws.getHost()
              + ":"
              + ws.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + Base64.getEncoder().encodeToString(nonce)
              + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
      OutputStream out = s.getOutputStream();
      out.write(req.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed during the handshake");
        }
        head.append((char) b);
      }
      if (!head.toString().startsWith("HTTP/1.1 101")) {
        throw new IOException(
            "handshake refused: " + head.toString().lines().findFirst().orElse(""));
      }
      return new SlowMember(s);
    } catch (IOException e) {
      throw new IllegalStateException("slow member could not join " + ws + ": " + e, e);
    }
  }

  /**
   * Reads from now on (first what has backed up, then keeping up), or reads nothing from now on (at
   * most the one buffer it was already reading into).
   */
  void reading(boolean on) {
    reading = on;
    if (on) {
      LockSupport.unpark(reader);
    }
  }

  private void readLoop() {
    byte[] buf = new byte[4096];
    try {
      InputStream in = socket.getInputStream();
      while (!socket.isClosed()) {
        if (!reading) {
          LockSupport.parkNanos(50_000_000L);
          continue;
        }
        try {
          if (in.read(buf) < 0) {
            return;
          }
        } catch (SocketTimeoutException quiet) {
          // nothing sent for a second: look at the flag again
        }
      }
    } catch (IOException closed) {
      // closed by close() or by the server
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
