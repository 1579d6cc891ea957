package io.aquilia.sockets.cli;

/** A failure the CLI reports as one line on stderr and an exit code. */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Unexpected failure (an answer the CLI does not understand, an I/O error). */
  static final int FAILED = 1;

  /** The server cannot be reached, or it has no admin endpoint (not enabled). */
  static final int UNREACHABLE = 3;

  /** The server refused the admin token. */
  static final int UNAUTHORIZED = 4;

  /** The namespace, room or connection does not exist. */
  static final int NOT_FOUND = 5;

  /** The input is invalid: bad JSON, an unreadable archive, controllers with definition errors. */
  static final int INVALID_INPUT = 6;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
