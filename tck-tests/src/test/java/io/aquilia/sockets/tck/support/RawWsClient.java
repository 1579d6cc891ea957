package io.aquilia.sockets.tck.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A WebSocket client on a plain TCP socket that can <em>stop reading</em>: a slow consumer. It
 * performs the handshake, then reads frames only when the test calls {@link #readUntil}; until then
 * the server's writes pile up in the kernel buffers (the receive buffer is kept small) and then in
 * the server's outbound queue.
 *
 * <p>It understands what a server sends: unmasked text, binary, ping and close frames, with or
 * without continuation frames. It never answers pings, like a stuck client.
 */
public final class RawWsClient implements AutoCloseable {

  /** A frame as received. */
  public record Frame(int opcode, byte[] data) {
    /** The data as UTF-8 text. */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }

    /** For a close frame: the close code, or -1. */
    public int closeCode() {
      return opcode == 8 && data.length >= 2 ? ((data[0] & 0xff) << 8) | (data[1] & 0xff) : -1;
    }

    /** For a close frame: the reason. */
    public String closeReason() {
      return data.length > 2 ? new String(data, 2, data.length - 2, StandardCharsets.UTF_8) : "";
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawWsClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * Connects and completes the handshake (reading only the HTTP response), with a receive buffer of
   * {@code receiveBuffer} bytes set before connecting so that the kernel does not grow it.
   */
  public static RawWsClient connect(URI ws, int receiveBuffer) {
    try {
      Socket s = new Socket();
      s.setReceiveBufferSize(receiveBuffer);
      s.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 10_000);
      s.setSoTimeout(15_000);
      RawWsClient c = new RawWsClient(s);
      c.handshake(ws);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException("raw connect to " + ws + " failed", e);
    }
  }

  private void handshake(URI ws) throws IOException {
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    String path = ws.getRawPath() + (ws.getRawQuery() == null ? "" : "?" + ws.getRawQuery());
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\n"
            + "Host: "
            + ws.getHost()
            + ":"
            + ws.getPort()
            + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("handshake: connection closed; got " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String status = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    if (!status.contains(" 101 ")) {
      throw new IOException("handshake refused: " + status);
    }
  }

  /**
   * Reads frames until one matches {@code stop} (included), the server closes the connection, or
   * nothing arrives for {@code quiet}.
   */
  public List<Frame> readUntil(java.util.function.Predicate<Frame> stop, Duration quiet) {
    List<Frame> frames = new ArrayList<>();
    try {
      socket.setSoTimeout((int) quiet.toMillis());
      while (true) {
        Frame f = readFrame();
        if (f == null) {
          return frames;
        }
        frames.add(f);
        if (stop.test(f) || f.opcode() == 8) {
          return frames;
        }
      }
    } catch (SocketTimeoutException e) {
      return frames;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Frame readFrame() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    int opcode = -1;
    while (true) {
      int b0 = in.read();
      if (b0 < 0) {
        return null;
      }
      int b1 = readByte();
      boolean fin = (b0 & 0x80) != 0;
      int op = b0 & 0x0f;
      long len = b1 & 0x7f;
      if (len == 126) {
        len = (readByte() << 8) | readByte();
      } else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | readByte();
        }
      }
      byte[] mask = null;
      if ((b1 & 0x80) != 0) {
        mask = in.readNBytes(4);
      }
      byte[] data = in.readNBytes((int) len);
      if (data.length < len) {
        return null;
      }
      if (mask != null) {
        for (int i = 0; i < data.length; i++) {
          data[i] ^= mask[i % 4];
        }
      }
      if (op >= 8) {
        if (op == 8) {
          return new Frame(8, data);
        }
        continue; // ping/pong: a stuck client does not answer
      }
      if (op != 0) {
        opcode = op;
      }
      message.write(data);
      if (fin) {
        return new Frame(opcode, message.toByteArray());
      }
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a test socket
    }
  }
}
