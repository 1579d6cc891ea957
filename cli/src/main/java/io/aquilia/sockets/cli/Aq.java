package io.aquilia.sockets.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code aq} command line. Exit codes: 0 success, 1 unexpected failure, 2 usage error, 3 server
 * unreachable or admin endpoint off, 4 token refused, 5 namespace/room/connection not found, 6
 * invalid input.
 */
@Command(
    name = "aq",
    mixinStandardHelpOptions = true,
    versionProvider = Aq.Version.class,
    description = "Aquilia Sockets operations.",
    subcommands = {WsCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:unexpected failure",
      "2:usage error",
      "3:server unreachable, or its admin endpoint is off",
      "4:admin token refused",
      "5:namespace, room or connection not found",
      "6:invalid input (JSON, archive, definition errors)"
    })
public final class Aq implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs {@code aq} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code aq} with these streams; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Aq());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          if (ex instanceof CliException c) {
            line.getErr().println("aq: " + c.getMessage());
            line.getErr().flush();
            return c.exitCode();
          }
          line.getErr().println("aq: unexpected failure: " + ex);
          line.getErr().flush();
          return CliException.FAILED;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "give a command: aq ws --help");
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Aq.class.getPackage().getImplementationVersion();
      return new String[] {"aq (Aquilia Sockets) " + (v == null ? "development" : v)};
    }
  }
}
