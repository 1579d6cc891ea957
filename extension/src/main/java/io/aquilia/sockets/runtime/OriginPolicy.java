package io.aquilia.sockets.runtime;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an {@code Origin} header is allowed. Entries are {@code *} (any), an exact origin
 * ({@code https://app.example.com}, optionally with a port), or a subdomain wildcard ({@code
 * https://*.example.com}) that matches on a dot boundary and never the bare domain's look-alikes.
 * Comparison ignores case. An empty list allows any origin (and no origin). Otherwise the opaque
 * origin {@code null} (sandboxed frames, {@code file:} pages) is allowed only by the entry {@code
 * "null"}, never by {@code *}, and a request without an Origin header (a non-browser client) is
 * allowed only when missing origins are allowed.
 */
public final class OriginPolicy {

  private final List<String> entries;
  private final boolean allowMissing;

  /** A policy over these entries (assumed valid, see {@link #check(String)}); no origin passes. */
  public OriginPolicy(List<String> entries) {
    this(entries, true);
  }

  /**
   * A policy over these entries (assumed valid, see {@link #check(String)}).
   *
   * @param allowMissing whether a request without an Origin header passes a non-empty list
   */
  public OriginPolicy(List<String> entries, boolean allowMissing) {
    this.entries = entries.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    this.allowMissing = allowMissing;
  }

  /** Why an entry is invalid, or empty when it is valid. */
  static Optional<String> check(String entry) {
    if ("*".equals(entry) || "null".equals(entry)) {
      return Optional.empty();
    }
    int sep = entry.indexOf("://");
    if (sep <= 0) {
      return Optional.of("expected '*' or scheme://host[:port]");
    }
    String hostPort = entry.substring(sep + 3);
    if (hostPort.isEmpty() || hostPort.contains("/")) {
      return Optional.of("expected scheme://host[:port] with no path");
    }
    String host = hostPort.startsWith("*.") ? hostPort.substring(2) : hostPort;
    if (host.contains("*")) {
      return Optional.of("a wildcard is allowed only as the first label ('*.')");
    }
    try {
      URI.create(entry.substring(0, sep + 3) + host);
    } catch (IllegalArgumentException e) {
      return Optional.of("not a valid origin");
    }
    return Optional.empty();
  }

  /** Whether the origin (the header value, possibly null) is allowed. */
  public boolean allows(String origin) {
    if (entries.isEmpty()) {
      return true;
    }
    if (origin == null) {
      return allowMissing;
    }
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (o.equals("null")) {
      return entries.contains("null");
    }
    for (String e : entries) {
      if (e.equals("*") || e.equals(o) || wildcardMatch(e, o)) {
        return true;
      }
    }
    return false;
  }

  private static boolean wildcardMatch(String entry, String origin) {
    int sep = entry.indexOf("://*.");
    if (sep < 0) {
      return false;
    }
    String scheme = entry.substring(0, sep + 3);
    String suffix = entry.substring(sep + 4);
    if (!origin.startsWith(scheme)
        || !origin.endsWith(suffix)
        || origin.length() <= scheme.length() + suffix.length()) {
      return false;
    }
    String labels = origin.substring(scheme.length(), origin.length() - suffix.length());
    return !labels.startsWith(".")
        && labels.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.');
  }
}
