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
 */
public record HandshakeInfo(
    String path,
    Map<String, String> pathParams,
    Map<String, List<String>> queryParams,
    Map<String, List<String>> headers,
    Principal principal) {

  /**
   * Copies the maps (compactly: every open connection keeps one); header names become
   * case-insensitive.
   */
  public HandshakeInfo {
    pathParams = Map.copyOf(pathParams);
    queryParams = Map.copyOf(queryParams);
    headers = Headers.copyOf(headers);
  }
}
