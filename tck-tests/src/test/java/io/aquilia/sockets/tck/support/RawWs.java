package io.aquilia.sockets.tck.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WebSocket client on a plain {@link Socket}, for what a real client library refuses to do:
 * malformed handshakes (no key, spoofed Host), invalid UTF-8, frame headers announcing 100 MB, and
 * <em>not reading</em>: opened with a small receive buffer ({@link #open(URI, int)}) it is a slow
 * consumer whose server writes pile up until the test calls {@link #readUntil}. It never answers
 * pings, like a stuck client. Every read has a timeout; nothing here waits without a bound.
 */
public final class RawWs implements AutoCloseable {

  /**
   * One frame from the server.
   *
   * @param opcode 1 text, 2 binary, 8 close, 9 ping, 10 pong
   * @param payload the payload
   */
  public record Frame(int opcode, byte[] payload) {
    /** The payload as UTF-8 text. */
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The close code of a close frame, or -1. */
    public int closeCode() {
      return opcode == 8 && payload.length >= 2
          ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff)
          : -1;
    }

    /** The reason of a close frame. */
    public String closeReason() {
      return payload.length > 2
          ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
          : "";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final int status;
  private final String responseHead;
  private final String responseBody;

  private RawWs(Socket socket, int status, String responseHead, String responseBody)
      throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.status = status;
    this.responseHead = responseHead;
    this.responseBody = responseBody;
  }

  /** A handshake with the usual headers plus {@code extra} (a null value removes a header). */
  public static RawWs open(URI ws, Map<String, String> extra) throws IOException {
    return open(ws, extra, 0);
  }

  /**
   * An upgraded connection whose receive buffer is {@code receiveBuffer} bytes, set before
   * connecting so that the kernel does not grow it: a slow consumer until it reads.
   */
  public static RawWs open(URI ws, int receiveBuffer) {
    try {
      RawWs c = open(ws, Map.of(), receiveBuffer);
      if (c.status() != 101) {
        c.close();
        throw new IOException("handshake refused: " + c.describe());
      }
      return c;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("raw connect to " + ws + " failed", e);
    }
  }

  private static RawWs open(URI ws, Map<String, String> extra, int receiveBuffer)
      throws IOException {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Host", ws.getHost() + ":" + ws.getPort());
    h.put("Upgrade", "websocket");
    h.put("Connection", "Upgrade");
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    h.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(key));
    h.put("Sec-WebSocket-Version", "13");
    extra.forEach(
        (k, v) -> {
          if (v == null) {
            h.remove(k);
          } else {
            h.put(k, v);
          }
        });
    Socket s = new Socket();
    if (receiveBuffer > 0) {
      s.setReceiveBufferSize(receiveBuffer);
    }
    s.connect(new java.net.InetSocketAddress(ws.getHost(), ws.getPort()), 10_000);
    s.setSoTimeout(10_000);
    StringBuilder req = new StringBuilder();
    String path = ws.getRawPath() + (ws.getRawQuery() == null ? "" : "?" + ws.getRawQuery());
    req.append("GET ").append(path).append(" HTTP/1.1\r\n");
    h.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
    req.append("\r\n");
    s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    String head = readHead(s.getInputStream());
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    String body = status == 101 ? "" : readBody(s.getInputStream(), head);
    return new RawWs(s, status, head, body);
  }

  /** The HTTP status of the handshake response (101 when upgraded). */
  public int status() {
    return status;
  }

  /** The response status line and headers. */
  public String responseHead() {
    return responseHead;
  }

  /** The body of a refused handshake (up to 16 KiB; empty when upgraded). */
  public String responseBody() {
    return responseBody;
  }

  /** The response head and body, for assertion messages. */
  public String describe() {
    return responseHead + responseBody;
  }

  /** Sends one masked frame. */
  public RawWs send(int opcode, byte[] payload) throws IOException {
    header(opcode, payload.length, true);
    out.write(mask(payload));
    out.flush();
    return this;
  }

  /** Sends a text frame. */
  public RawWs sendText(String text) throws IOException {
    return send(1, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Announces a frame of {@code length} bytes and streams filler until it is all sent or the server
   * stops reading (closes): returns the bytes of payload written.
   */
  public long sendHuge(int opcode, long length, byte filler) {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) (filler ^ 0x5a)); // masked with 0x5a5a5a5a below
    long sent = 0;
    java.util.concurrent.ScheduledExecutorService watchdog =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    // a server that stops reading without closing would block the write forever: end it
    watchdog.schedule(this::close, 20, java.util.concurrent.TimeUnit.SECONDS);
    try {
      out.write(0x80 | opcode);
      out.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (length >>> (8 * i)) & 0xff);
      }
      out.write(new byte[] {0x5a, 0x5a, 0x5a, 0x5a});
      while (sent < length) {
        int n = (int) Math.min(chunk.length, length - sent);
        out.write(chunk, 0, n);
        sent += n;
      }
      out.flush();
    } catch (IOException stopped) {
      // the server closed the connection before the frame was complete
    } finally {
      watchdog.shutdownNow();
    }
    return sent;
  }

  /** Reads the next frame, or null when the connection ended or nothing came within the wait. */
  public Frame read(Duration wait) throws IOException {
    socket.setSoTimeout((int) wait.toMillis());
    try {
      WireFrame f = readFrame();
      return f == null ? null : new Frame(f.opcode(), f.payload());
    } catch (IOException timedOutOrEnded) {
      return null;
    }
  }

  /**
   * Reads frames until a close frame (returns its code), the end of the connection (returns 0) or
   * the wait runs out (returns -1).
   */
  public int awaitClose(Duration wait) throws IOException {
    long end = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < end) {
      Frame f = read(Duration.ofMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      if (f == null) {
        return socket.isClosed() || endOfStream() ? 0 : -1;
      }
      if (f.opcode() == 8) {
        return f.closeCode();
      }
    }
    return -1;
  }

  /** Reads text frames until one contains {@code needle} (returns it) or null after the wait. */
  public String awaitText(String needle, Duration wait) throws IOException {
    long end = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < end) {
      Frame f = read(Duration.ofMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      if (f == null || f.opcode() == 8) {
        return null;
      }
      if (f.opcode() == 1 && f.text().contains(needle)) {
        return f.text();
      }
    }
    return null;
  }

  /**
   * Reads whole messages (continuation frames joined, pings skipped) until one matches {@code stop}
   * (included), a close frame (included), the end of the connection, or nothing for {@code quiet}.
   */
  public java.util.List<Frame> readUntil(java.util.function.Predicate<Frame> stop, Duration quiet) {
    java.util.List<Frame> frames = new java.util.ArrayList<>();
    try {
      socket.setSoTimeout((int) quiet.toMillis());
      Frame f;
      while ((f = readMessage()) != null) {
        frames.add(f);
        if (stop.test(f) || f.opcode() == 8) {
          break;
        }
      }
    } catch (SocketTimeoutException | EOFException quietOrEnded) {
      // what came is returned
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return frames;
  }

  /** The next whole message or close frame, or null at the end of the stream. */
  private Frame readMessage() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    int opcode = -1;
    WireFrame f;
    while ((f = readFrame()) != null) {
      if (f.opcode() == 8) {
        return new Frame(8, f.payload());
      }
      if (f.opcode() > 8) {
        continue; // ping or pong: a stuck client does not answer
      }
      if (f.opcode() != 0) {
        opcode = f.opcode();
      }
      message.write(f.payload());
      if (f.fin()) {
        return new Frame(opcode, message.toByteArray());
      }
    }
    return null;
  }

  /** One frame as it came, continuation frames included. */
  private record WireFrame(boolean fin, int opcode, byte[] payload) {}

  /** The next frame from the server (unmasked), or null at the end of the stream. */
  private WireFrame readFrame() throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return null;
    }
    int b1 = readByte();
    long len = b1 & 0x7f;
    if (len == 126) {
      len = (readByte() << 8) | readByte();
    } else if (len == 127) {
      len = 0;
      for (int i = 0; i < 8; i++) {
        len = (len << 8) | readByte();
      }
    }
    byte[] payload = in.readNBytes((int) len);
    return payload.length < len ? null : new WireFrame((b0 & 0x80) != 0, b0 & 0x0f, payload);
  }

  private boolean endOfStream() {
    try {
      socket.setSoTimeout(200);
      return in.read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  private void header(int opcode, long len, boolean fin) throws IOException {
    out.write((fin ? 0x80 : 0) | opcode);
    if (len < 126) {
      out.write(0x80 | (int) len);
    } else if (len < 65536) {
      out.write(0x80 | 126);
      out.write((int) (len >>> 8) & 0xff);
      out.write((int) len & 0xff);
    } else {
      out.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (len >>> (8 * i)) & 0xff);
      }
    }
  }

  private byte[] mask(byte[] payload) throws IOException {
    byte[] m = new byte[4];
    RANDOM.nextBytes(m);
    out.write(m);
    byte[] masked = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      masked[i] = (byte) (payload[i] ^ m[i & 3]);
    }
    return masked;
  }

  private static String readBody(InputStream in, String head) throws IOException {
    int length = 0;
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        length = Math.min(16_384, Integer.parseInt(line.substring(colon + 1).trim()));
      }
    }
    byte[] body = in.readNBytes(length);
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      buf.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      if (matched == 4 || buf.size() > 16_384) {
        break;
      }
    }
    if (buf.size() == 0) {
      throw new EOFException("no HTTP response");
    }
    return buf.toString(StandardCharsets.ISO_8859_1);
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
