package io.aquilia.sockets.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aq ws gen-client}: writes the typed TypeScript client. */
@Command(
    name = "gen-client",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a typed TypeScript client (one file, no dependencies) for the sockets of SOURCE.",
      "SOURCE is a .war, a .jar, a classes directory, a sockets.json or a running application's"
          + " URL (default: target/classes)."
    })
final class GenClientCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .ts file")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "SOURCE",
      defaultValue = "target/classes",
      description = "Where the sockets are described (default: ${DEFAULT-VALUE})")
  String from;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:AQUILIA_SOCKETS_ADMIN_TOKEN}",
      description = "The admin token when SOURCE is a URL (default: $AQUILIA_SOCKETS_ADMIN_TOKEN)")
  String token;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() {
    Map<String, Object> doc = Sources.load(from, token);
    if (((java.util.List<Object>) doc.get("sockets")).isEmpty()) {
      throw new CliException(CliException.INVALID_INPUT, "no @Socket controllers in " + from);
    }
    String ts = TsClient.generate(doc);
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, ts, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(CliException.FAILED, "cannot write " + out + ": " + e.getMessage());
    }
    var o = spec.commandLine().getOut();
    o.println(
        "Wrote "
            + out
            + " ("
            + ((java.util.List<Object>) doc.get("sockets")).size()
            + " socket(s), "
            + ts.lines().count()
            + " lines)");
    o.flush();
    return 0;
  }
}
