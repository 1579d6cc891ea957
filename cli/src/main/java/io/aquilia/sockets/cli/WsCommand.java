package io.aquilia.sockets.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aq ws}: the WebSocket commands. */
@Command(
    name = "ws",
    mixinStandardHelpOptions = true,
    description = "Inspect sockets, act on a running application, generate the TypeScript client.",
    subcommands = {
      InspectCommand.class,
      BroadcastCommand.class,
      PurgeRoomCommand.class,
      KickCommand.class,
      GenClientCommand.class
    })
final class WsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "give a subcommand: inspect, broadcast, purge-room, kick or gen-client");
  }
}
