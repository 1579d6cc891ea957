package io.aquilia.sockets.cli;

import picocli.CommandLine.ArgGroup;

/** Mixes {@link ServerOptions} into a command. */
final class ServerOptionsMixin {

  @ArgGroup(exclusive = false, multiplicity = "1", heading = "Server:%n")
  ServerOptions options = new ServerOptions();

  ServerOptions options() {
    return options;
  }
}
