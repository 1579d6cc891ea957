package io.aquilia.sockets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process, without a server: offline inspect, gen-client, usage and exit codes. */
class AqTest {

  /** The compiled fixtures (this module's test classes). */
  static final String FIXTURES = Path.of("target", "test-classes").toString();

  record Result(int code, String out, String err) {}

  static Result aq(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aq.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void inspectPrintsATableOfTheScannedSockets() {
    Result r = aq("ws", "inspect", FIXTURES);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Socket /ws/odd/:id/:mode")
        .contains("path params  id: int32, mode: FAST|SLOW")
        .contains("guards       OddSocket#allow(Connection) [CONNECT] priority 1")
        .contains("rooms        presence on\n")
        .containsPattern("room\\.join +in +subscribe +ack,validated +JoinRequest +RoomState")
        .containsPattern("presence\\.join +out +presence +- +PresenceChange")
        .containsPattern("order\\.place +in +event +ack,validated +Order +Result")
        .containsPattern("x\\.y-z +out +emit +- +Item")
        .contains("Socket /ws/plain");
  }

  @Test
  void inspectReadsAJar(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("fixtures.jar");
    Path root = Path.of(FIXTURES);
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(
            new java.util.jar.JarEntry(root.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    Result r = aq("ws", "inspect", jar.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Socket /ws/odd/:id/:mode").contains("Socket /ws/plain");
  }

  @Test
  @SuppressWarnings("unchecked")
  void inspectJsonIsTheMetadataDocument() {
    Result r = aq("ws", "inspect", FIXTURES, "--json");
    assertThat(r.code()).isZero();
    Map<String, Object> doc = (Map<String, Object>) JsonText.parse(r.out());
    assertThat(doc.get("format")).isEqualTo("aquilia-sockets-metadata/1");
    assertThat((List<Object>) doc.get("sockets")).hasSize(2);
  }

  @Test
  void genClientWritesOneFileThatReadsTheSameFromJson(@TempDir Path dir) throws Exception {
    Result r =
        aq("ws", "gen-client", "--from", FIXTURES, "--out", dir.resolve("a/b.ts").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Wrote ").contains("(2 socket(s)");
    String ts = Files.readString(dir.resolve("a/b.ts"));
    assertThat(ts)
        .contains("export class OddSocketClient")
        .contains("export class PlainSocketClient");
    Path json = dir.resolve("sockets.json");
    Files.writeString(json, aq("ws", "inspect", FIXTURES, "--json").out());
    aq("ws", "gen-client", "--from", json.toString(), "--out", dir.resolve("c.ts").toString());
    assertThat(Files.readString(dir.resolve("c.ts"))).isEqualTo(ts);
  }

  @Test
  void missingSourcesAndBadInputAreInvalidInput(@TempDir Path dir) throws Exception {
    Result r = aq("ws", "inspect", dir.resolve("nope.war").toString());
    assertThat(r.code()).isEqualTo(6);
    assertThat(r.err()).startsWith("aq: no such file or directory: ");
    Path notJson = dir.resolve("x.json");
    Files.writeString(notJson, "{\"a\":");
    assertThat(aq("ws", "inspect", notJson.toString()).code()).isEqualTo(6);
    Result bad =
        aq(
            "ws",
            "broadcast",
            "--url",
            "http://127.0.0.1:1",
            "--namespace",
            "n",
            "--event",
            "e",
            "--payload",
            "{oops");
    assertThat(bad.code()).isEqualTo(6);
    assertThat(bad.err()).startsWith("aq: --payload is not valid JSON: invalid JSON at offset 1");
    Result empty =
        aq("ws", "gen-client", "--from", dir.toString(), "--out", dir.resolve("o.ts").toString());
    assertThat(empty.code()).isEqualTo(6);
    assertThat(empty.err()).contains("no @Socket controllers in");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(aq("ws", "inspect").code()).isEqualTo(2);
    assertThat(aq("ws", "kick", "--url", "http://x").code()).isEqualTo(2);
    assertThat(aq("ws", "frobnicate").code()).isEqualTo(2);
    assertThat(aq("ws", "inspect", FIXTURES, "--url", "http://x").code()).isEqualTo(2);
  }

  @Test
  void anUnreachableServerExitsWith3() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Result r =
        aq(
            "ws",
            "kick",
            "--url",
            "http://127.0.0.1:" + port + "/chat",
            "--conn",
            "x",
            "--token",
            "t");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo("aq: cannot reach http://127.0.0.1:" + port + " (connection refused)\n");
    Result scheme = aq("ws", "inspect", "--url", "ftp://host/x");
    assertThat(scheme.code()).isEqualTo(6);
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Result r = aq("ws", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("inspect", "broadcast", "purge-room", "kick", "gen-client");
    assertThat(aq("--help").out()).contains("3   server unreachable");
  }
}
