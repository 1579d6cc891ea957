package io.aquilia.sockets.cli;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aq ws kick}: closes one connection. */
@Command(
    name = "kick",
    mixinStandardHelpOptions = true,
    description =
        "Closes a connection, on any instance, with 4009 and a reason (clients built on the"
            + " generated client do not reconnect after it).")
final class KickCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServerOptionsMixin server;

  @Option(names = "--conn", required = true, paramLabel = "ID", description = "The connection id")
  String connectionId;

  @Option(names = "--reason", description = "The close reason (default: kicked by admin)")
  String reason;

  @Option(names = "--json", description = "Print the server's answer as JSON")
  boolean json;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("connectionId", connectionId);
    if (reason != null) {
      body.put("reason", reason);
    }
    Map<?, ?> answer = (Map<?, ?>) server.options().client().post("kick", body);
    var out = spec.commandLine().getOut();
    out.print(
        json
            ? JsonText.pretty(answer)
            : "Closed connection "
                + answer.get("connectionId")
                + (answer.get("namespace") == null
                    ? " (on another instance)"
                    : " of namespace " + answer.get("namespace"))
                + " with "
                + answer.get("closeCode")
                + " ("
                + answer.get("reason")
                + ")\n");
    out.flush();
    return 0;
  }
}
