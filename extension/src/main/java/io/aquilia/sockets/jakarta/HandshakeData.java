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
 * @param principal the container's authenticated user, or null
 * @param key the {@code Sec-WebSocket-Key}, which names the door's ticket
 * @param late the door's decision made in the configurator when no ticket was waiting (the servlet
 *     filter did not see the upgrade), else null
 */
record HandshakeData(
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Principal principal,
    String key,
    io.aquilia.sockets.runtime.Admission late) {}
