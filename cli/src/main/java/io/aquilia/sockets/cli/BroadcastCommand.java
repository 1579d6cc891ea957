package io.aquilia.sockets.cli;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aq ws broadcast}: sends an event to a namespace (or one of its rooms). */
@Command(
    name = "broadcast",
    mixinStandardHelpOptions = true,
    description = "Sends an event to every connection of a namespace, or of one room.")
final class BroadcastCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServerOptionsMixin server;

  @Option(names = "--namespace", required = true, description = "The socket namespace")
  String namespace;

  @Option(names = "--room", description = "Only the members of this room")
  String room;

  @Option(names = "--event", required = true, description = "The event name")
  String event;

  @Option(
      names = "--payload",
      defaultValue = "{}",
      description = "The payload, any JSON value (default: {})")
  String payload;

  @Option(names = "--json", description = "Print the server's answer as JSON")
  boolean json;

  @Override
  public Integer call() {
    Object value;
    try {
      value = JsonText.parse(payload);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          CliException.INVALID_INPUT, "--payload is not valid JSON: " + e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("namespace", namespace);
    if (room != null) {
      body.put("room", room);
    }
    body.put("event", event);
    body.put("payload", value);
    Map<?, ?> answer = (Map<?, ?>) server.options().client().post("broadcast", body);
    var out = spec.commandLine().getOut();
    out.print(
        json
            ? JsonText.pretty(answer)
            : "Broadcast '"
                + event
                + "' to "
                + (room == null ? "namespace " + namespace : "room " + room + " of " + namespace)
                + ": delivered to "
                + answer.get("delivered")
                + " connection(s)\n");
    out.flush();
    return 0;
  }
}
