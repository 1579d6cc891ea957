package io.aquilia.sockets.tck.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which server the suite runs against (from the {@code arquillian.launch} system property set by
 * the Maven profile), and where its log is, for tests that need to tell them apart.
 */
public final class Servers {

  private Servers() {}

  /** {@code liberty-managed} or {@code payara-micro}. */
  public static String launch() {
    return System.getProperty("arquillian.launch", "liberty-managed");
  }

  public static boolean isLiberty() {
    return launch().startsWith("liberty");
  }

  public static boolean isPayara() {
    return launch().startsWith("payara");
  }

  /**
   * The Liberty server's {@code messages.log}, when running on Liberty. Payara Micro logs to its
   * process output, which the adapter copies to the failsafe output; no file to read.
   */
  public static Optional<Path> libertyMessagesLog() {
    String wlp = System.getProperty("wlp.home");
    if (!isLiberty() || wlp == null) {
      return Optional.empty();
    }
    Path log = Path.of(wlp, "usr", "servers", "arqServer", "logs", "messages.log");
    return Files.exists(log) ? Optional.of(log) : Optional.empty();
  }

  /**
   * {@code http://localhost:<port>/<context>/} for a deployment the test deploys itself ({@code
   * managed = false}), for which Arquillian injects no URL: the port comes from the same system
   * properties the profiles give the adapters.
   */
  public static java.net.URL baseUrl(String context) {
    String port =
        isPayara()
            ? System.getProperty("payara.http.port", "19082")
            : System.getProperty("arq.http.port", "19081");
    try {
      return java.net.URI.create("http://localhost:" + port + "/" + context + "/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
