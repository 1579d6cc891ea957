package io.aquilia.sockets.cli;

import picocli.CommandLine.Option;

/** The options that reach a running application's admin endpoint. */
final class ServerOptions {

  @Option(
      names = "--url",
      required = true,
      paramLabel = "URL",
      description = "The application's base URL, e.g. http://localhost:19080/chat")
  String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:AQUILIA_SOCKETS_ADMIN_TOKEN}",
      description =
          "The server's aquilia.sockets.admin.token (default: the environment variable"
              + " AQUILIA_SOCKETS_ADMIN_TOKEN)")
  String token;

  AdminClient client() {
    return new AdminClient(url, token);
  }
}
