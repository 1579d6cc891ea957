package io.aquilia.sockets.jakarta;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What the configurator captures from the upgrade request for the endpoint.
 *
 * @param path the request path relative to the context root
 * @param query the query parameters
 * @param headers the request headers
 * @param principal the authenticated user, or null
 */
record HandshakeData(
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Principal principal) {}
