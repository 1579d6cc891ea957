package io.aquilia.sockets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Node suites of {@code client-tests/} against the same live server as {@link CliIT}: the
 * generated clients under {@code tsc --strict}, their runtime against a scripted WebSocket, the
 * sample page's freshness, and the sample chat in headless Chromium (including a restart of this
 * Open Liberty server). Active when {@code client-tests/node_modules} is installed ({@code npm ci};
 * {@code ./run-tests} does it), see the {@code client-tests} profile of this module.
 */
class NodeClientIT {

  static final Path CLIENT_TESTS =
      Path.of(System.getProperty("cli.it.clientTests", "../client-tests"));

  @Test
  void generatedClientAndBrowserSuitesPass() throws Exception {
    Path artifacts = Path.of("target", "browser").toAbsolutePath();
    Files.createDirectories(artifacts);
    ProcessBuilder pb =
        new ProcessBuilder(List.of("node", "--test", "test/", "browser/"))
            .directory(CLIENT_TESTS.toFile())
            .redirectErrorStream(true);
    pb.environment().put("SAMPLE_URL", CliIT.URL + "/");
    pb.environment().put("WLP_HOME", System.getProperty("cli.it.wlpHome"));
    pb.environment().put("WLP_SERVER", System.getProperty("cli.it.server"));
    pb.environment().put("ARTIFACTS_DIR", artifacts.toString());
    pb.environment().put("PATH", System.getenv("PATH") + File.pathSeparator + "/usr/bin");
    Process p = pb.start();
    // Through System.out (never the fork's native stream, which carries failsafe's own channel),
    // so the TAP output lands in the build log and in target/browser/node-tests.tap.
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter tap =
                      new PrintWriter(
                          Files.newBufferedWriter(artifacts.resolve("node-tests.tap")), true)) {
                for (String line; (line = r.readLine()) != null; ) {
                  System.out.println(line);
                  tap.println(line);
                }
              } catch (IOException e) {
                System.out.println("NodeClientIT: output lost: " + e);
              }
            },
            "node-output");
    pump.start();
    boolean done = p.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    pump.join(10_000);
    assertThat(done).as("the Node suites finished within 10 minutes").isTrue();
    assertThat(p.exitValue()).as("node --test exit code (see the TAP output above)").isZero();
  }
}
