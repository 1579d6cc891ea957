package io.aquilia.sockets.runtime;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the door sees of an upgrade request, from a servlet filter or from the WebSocket
 * configurator.
 *
 * @param headers request headers (names case-insensitive)
 * @param query query parameters
 * @param remoteAddress the client address, or null when the caller cannot tell
 * @param containerPrincipal the container's authenticated user, or null
 * @param containerRoles whether the container grants a role to that user
 */
public record DoorRequest(
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    String remoteAddress,
    Principal containerPrincipal,
    Predicate<String> containerRoles) {

  /** Makes header names case-insensitive. */
  public DoorRequest {
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, v == null ? List.of() : List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(h);
    query = query == null ? Map.of() : query;
    containerRoles = containerRoles == null ? r -> false : containerRoles;
  }

  /** The first value of a header, or null. */
  String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
