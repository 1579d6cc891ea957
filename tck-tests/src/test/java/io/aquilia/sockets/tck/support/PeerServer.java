package io.aquilia.sockets.tck.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The second server instance of the cluster TCK, which the test starts, kills and stops itself (the
 * first one is Arquillian's). On Liberty it is the server {@code arqPeer} of the same install
 * (created by the build, port {@code tck.peer.port}); on Payara it is another Payara Micro process
 * on that port. The WAR is exported to {@code target/peer/} and deployed at start.
 */
public abstract class PeerServer implements AutoCloseable {

  /** The peer for the server the suite runs on. */
  public static PeerServer forSuite() {
    int port = Integer.parseInt(System.getProperty("tck.peer.port", "19083"));
    return Servers.isPayara() ? new PayaraPeer(port) : new LibertyPeer(port);
  }

  protected final int port;
  protected File war;

  PeerServer(int port) {
    this.port = port;
  }

  /** {@code http://localhost:port/<context>/} of the deployed WAR. */
  public URL base() {
    String name = war.getName().replaceFirst("\\.war$", "");
    try {
      return URI.create("http://localhost:" + port + "/" + name + "/").toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deploys the WAR and starts the server; returns when the server says it started. */
  public void start(WebArchive archive) {
    Path dir = Path.of("target", "peer");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    war = dir.resolve(archive.getName()).toAbsolutePath().toFile();
    archive.as(ZipExporter.class).exportTo(war, true);
    startServer();
  }

  /** Starts the server again with the same WAR. */
  public abstract void startServer();

  /** Kills the server's JVM at once (SIGKILL): nothing is unregistered, as in a crash. */
  public abstract void kill();

  /** Stops the server normally. */
  public abstract void stop();

  /** The server's log (for failure messages). */
  public abstract Path log();

  /**
   * Whether the server's log says the application is deployed and the server ready (a WebSocket
   * handshake can succeed earlier, while the deployment is still running).
   */
  public boolean ready() {
    try {
      return Files.exists(log())
          && Files.readAllLines(log(), StandardCharsets.UTF_8).stream()
              .skip(logMark)
              .anyMatch(l -> l.contains(readyLine()));
    } catch (IOException e) {
      return false;
    }
  }

  /** The log line that says the application is ready. */
  abstract String readyLine();

  /** Log lines written before the current start, skipped by {@link #ready()}. */
  protected long logMark;

  /** Remembers where the log ends, before a start. */
  protected void markLog() {
    try {
      logMark = Files.exists(log()) ? Files.readAllLines(log(), StandardCharsets.UTF_8).size() : 0;
    } catch (IOException e) {
      logMark = 0;
    }
  }

  @Override
  public void close() {
    stop();
  }

  static void run(List<String> cmd, Duration timeout) {
    try {
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile()).start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + cmd);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static ProcessBuilder.Redirect logFile() {
    return ProcessBuilder.Redirect.appendTo(
        Path.of("target", "peer", "peer-commands.log").toFile());
  }

  /** Liberty server {@code arqPeer}: the application is declared in a configDropins file. */
  static final class LibertyPeer extends PeerServer {
    private final Path wlp = Path.of(System.getProperty("wlp.home"));
    private final Path server = wlp.resolve("usr/servers/arqPeer");

    LibertyPeer(int port) {
      super(port);
    }

    @Override
    String readyLine() {
      return "CWWKZ0001I";
    }

    @Override
    public void startServer() {
      // Liberty starts a new messages.log (the old one is renamed): look at the new one only
      logMark = 0;
      try {
        Files.deleteIfExists(log());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dropin = server.resolve("configDropins/overrides/aquilia-peer-app.xml");
      String context = war.getName().replaceFirst("\\.war$", "");
      try {
        Files.createDirectories(dropin.getParent());
        Files.writeString(
            dropin,
            "<server><webApplication location=\""
                + war.getAbsolutePath()
                + "\" contextRoot=\"/"
                + context
                + "\"/></server>\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      run(
          List.of(wlp.resolve("bin/server").toString(), "start", "arqPeer"),
          Duration.ofSeconds(120));
    }

    @Override
    public void kill() {
      Path pidFile = wlp.resolve("usr/servers/.pid/arqPeer.pid");
      try {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid)
            .ifPresent(
                h -> {
                  h.destroyForcibly();
                  h.onExit().orTimeout(20, TimeUnit.SECONDS).join();
                });
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void stop() {
      run(List.of(wlp.resolve("bin/server").toString(), "stop", "arqPeer"), Duration.ofSeconds(60));
    }

    @Override
    public Path log() {
      return server.resolve("logs/messages.log");
    }
  }

  /** A Payara Micro process started from the suite's {@code payara-micro.jar}. */
  static final class PayaraPeer extends PeerServer {
    private Process process;

    PayaraPeer(int port) {
      super(port);
    }

    @Override
    String readyLine() {
      return "Payara Micro";
    }

    @Override
    public boolean ready() {
      try {
        return Files.exists(log())
            && Files.readAllLines(log(), StandardCharsets.UTF_8).stream()
                .skip(logMark)
                .anyMatch(l -> l.contains("Payara Micro") && l.contains("ready in"));
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void startServer() {
      markLog();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      try {
        process =
            new ProcessBuilder(
                    java,
                    "-jar",
                    System.getProperty("payara.microJar"),
                    "--nocluster",
                    "--port",
                    Integer.toString(port),
                    "--rootdir",
                    Path.of("target", "peer", "payara-root").toAbsolutePath().toString(),
                    "--deploy",
                    war.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void kill() {
      if (process != null) {
        process.destroyForcibly();
        process.onExit().orTimeout(20, TimeUnit.SECONDS).join();
        process = null;
      }
    }

    @Override
    public void stop() {
      if (process != null) {
        process.destroy();
        try {
          if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process = null;
      }
    }

    @Override
    public Path log() {
      return Path.of("target", "peer", "payara-peer.log");
    }
  }
}
