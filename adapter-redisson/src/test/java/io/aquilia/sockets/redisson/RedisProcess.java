package io.aquilia.sockets.redisson;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (from PATH) on a free loopback port, without persistence, that a test
 * can stop and start again on the same port. Also used by the TCK (test-jar).
 */
public final class RedisProcess implements AutoCloseable {

  private final int port;
  private final List<String> extra;
  private Process process;

  private RedisProcess(int port) {
    this(port, List.of());
  }

  private RedisProcess(int port, List<String> extra) {
    this.port = port;
    this.extra = List.copyOf(extra);
  }

  /**
   * A Sentinel on a free port that monitors the master on {@code masterPort} as {@code mymaster}
   * (quorum 1). Its configuration file is written to a temporary directory (Sentinel rewrites it).
   */
  public static RedisProcess sentinel(int masterPort) {
    int port = freePort();
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("aq-sentinel-");
      java.nio.file.Path conf = dir.resolve("sentinel.conf");
      java.nio.file.Files.writeString(
          conf,
          "port "
              + port
              + "\nbind 127.0.0.1\nprotected-mode no\ndir "
              + dir
              + "\nsentinel monitor mymaster 127.0.0.1 "
              + masterPort
              + " 1\nsentinel down-after-milliseconds mymaster 2000\n");
      RedisProcess r = new RedisProcess(port, List.of("@" + conf, "--sentinel"));
      r.startAgain();
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Redis Cluster node on a free port (its cluster state file in a temporary directory). */
  public static RedisProcess clusterNode() {
    int port = freePort();
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("aq-cluster-");
      RedisProcess r =
          new RedisProcess(
              port,
              List.of(
                  "--cluster-enabled",
                  "yes",
                  "--cluster-config-file",
                  dir.resolve("nodes.conf").toString(),
                  "--dir",
                  dir.toString()));
      r.startAgain();
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server on a free port. */
  public static RedisProcess start() {
    RedisProcess r = new RedisProcess(freePort());
    r.startAgain();
    return r;
  }

  /** Starts a server on this port. */
  public static RedisProcess startOn(int port) {
    RedisProcess r = new RedisProcess(port);
    r.startAgain();
    return r;
  }

  /** A free loopback port. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:port}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server (again) and waits until it answers PING. */
  public synchronized void startAgain() {
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add("redis-server");
    if (!extra.isEmpty() && extra.get(0).startsWith("@")) {
      cmd.add(extra.get(0).substring(1)); // a configuration file comes first
    }
    cmd.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "no"));
    extra.stream().filter(a -> !a.startsWith("@")).forEach(cmd::add);
    try {
      process =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(
                  new File(System.getProperty("java.io.tmpdir"), "redis-" + port + ".log"))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start redis-server: install it (Debian: apt-get install redis-server)", e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!ping()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not start on port " + port);
      }
      Thread.onSpinWait();
      try {
        process.waitFor(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Stops the server (all data is lost: no persistence). */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Whether the server answers PING. */
  public boolean ping() {
    return command("PING").startsWith("+PONG");
  }

  /**
   * Sends one command (inline arguments, RESP-encoded) and returns the first reply line, or "" if
   * the server cannot be reached.
   */
  public String command(String... args) {
    StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
    for (String a : args) {
      byte[] b = a.getBytes(StandardCharsets.UTF_8);
      sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().trim();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    stop();
  }
}
