package io.aquilia.sockets.cli;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aq ws purge-room}: removes every member from a room. */
@Command(
    name = "purge-room",
    mixinStandardHelpOptions = true,
    description =
        "Removes every member from a room of a namespace, on every instance (members get"
            + " room.purged, then room.left).")
final class PurgeRoomCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServerOptionsMixin server;

  @Option(names = "--namespace", required = true, description = "The socket namespace")
  String namespace;

  @Option(names = "--room", required = true, description = "The room")
  String room;

  @Option(
      names = "--reason",
      description = "Sent to the members in room.purged (default: purged by admin)")
  String reason;

  @Option(names = "--json", description = "Print the server's answer as JSON")
  boolean json;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("namespace", namespace);
    body.put("room", room);
    if (reason != null) {
      body.put("reason", reason);
    }
    Map<?, ?> answer = (Map<?, ?>) server.options().client().post("purge-room", body);
    var out = spec.commandLine().getOut();
    out.print(
        json
            ? JsonText.pretty(answer)
            : "Purged room "
                + room
                + " of "
                + namespace
                + ": "
                + answer.get("removed")
                + " member connection(s) removed\n");
    out.flush();
    return 0;
  }
}
