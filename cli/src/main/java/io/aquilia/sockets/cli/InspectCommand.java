package io.aquilia.sockets.cli;

import io.aquilia.sockets.runtime.meta.JsonText;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aq ws inspect}: the sockets of compiled code, or of a running application. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Lists namespaces, paths, events (with ack and validation tags), guards and limits.",
      "From a WAR, a jar, a classes directory or a sockets.json; or live with --url, which adds"
          + " connection counts (and needs the admin token)."
    })
final class InspectCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SOURCE",
      description = "A .war, a .jar, a classes directory or a sockets.json")
  String source;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "A running application's base URL, e.g. http://localhost:19080/chat")
  String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:AQUILIA_SOCKETS_ADMIN_TOKEN}",
      description = "The admin token for --url (default: $AQUILIA_SOCKETS_ADMIN_TOKEN)")
  String token;

  @Option(names = "--json", description = "Print the metadata document as JSON")
  boolean json;

  @Override
  public Integer call() {
    if ((source == null) == (url == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either a SOURCE (war, jar, directory, json) or --url");
    }
    Map<String, Object> doc = Sources.load(source != null ? source : url, token);
    var out = spec.commandLine().getOut();
    out.print(json ? JsonText.pretty(doc) : InspectTable.render(doc));
    out.flush();
    return 0;
  }
}
