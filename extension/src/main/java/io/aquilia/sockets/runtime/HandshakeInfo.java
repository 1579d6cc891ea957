package io.aquilia.sockets.runtime;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What the runtime keeps of the upgrade request.
 *
 * @param path the request path relative to the context root
 * @param pathParams raw path parameter values
 * @param queryParams query parameters, each with all its values
 * @param headers request headers (case-insensitive names), each with all its values
 * @param principal the authenticated user, or null
 * @param admission what the door decided before the upgrade, or null when no door ran (the
 *     connection is then checked as it opens)
 */
public record HandshakeInfo(
    String path,
    Map<String, String> pathParams,
    Map<String, List<String>> queryParams,
    Map<String, List<String>> headers,
    Principal principal,
    Admission admission) {

  /**
   * Copies the maps (compactly: every open connection keeps one); header names become
   * case-insensitive.
   */
  public HandshakeInfo {
    pathParams = Map.copyOf(pathParams);
    queryParams = Map.copyOf(queryParams);
    headers = Headers.copyOf(headers);
  }

  /**
   * The handshake of a connection the door admitted: the principal is the admission's (a token's
   * identity) when there is one, else the container's; the bearer token is removed from the headers
   * and query parameters the application sees.
   */
  public static HandshakeInfo admitted(
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      Map<String, List<String>> headers,
      Principal containerPrincipal,
      Admission admission) {
    Principal p =
        admission != null && admission.principal() != null
            ? admission.principal()
            : containerPrincipal;
    return new HandshakeInfo(
        path,
        pathParams,
        Credentials.scrubQuery(queryParams),
        Credentials.scrubHeaders(headers),
        p,
        admission);
  }

  /** A handshake no door has looked at. */
  public HandshakeInfo(
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      Map<String, List<String>> headers,
      Principal principal) {
    this(path, pathParams, queryParams, headers, principal, null);
  }
}
