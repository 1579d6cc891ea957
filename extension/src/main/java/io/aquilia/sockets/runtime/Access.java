package io.aquilia.sockets.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what on a socket, beyond the controller's own guard methods: roles from {@code
 * RolesAllowed}, guard beans from {@code UseGuards} and middleware from {@code UseMiddleware}, each
 * for the whole socket or for one event.
 *
 * @param connectRoles roles of which the user needs one to connect; empty: no check
 * @param eventRoles per event, roles of which the user needs one to send it
 * @param guardBeans guard bean classes applied to the socket
 * @param eventGuardBeans guard bean classes applied to one event
 * @param middleware middleware classes applied to the socket
 * @param eventMiddleware middleware classes applied to one event
 */
public record Access(
    Set<String> connectRoles,
    Map<String, Set<String>> eventRoles,
    List<Class<?>> guardBeans,
    Map<String, List<Class<?>>> eventGuardBeans,
    List<Class<?>> middleware,
    Map<String, List<Class<?>>> eventMiddleware) {

  /** Nothing beyond guard methods. */
  public static final Access NONE =
      new Access(Set.of(), Map.of(), List.of(), Map.of(), List.of(), Map.of());

  /** Copies the collections. */
  public Access {
    connectRoles = Set.copyOf(connectRoles);
    eventRoles = Map.copyOf(eventRoles);
    guardBeans = List.copyOf(guardBeans);
    eventGuardBeans = Map.copyOf(eventGuardBeans);
    middleware = List.copyOf(middleware);
    eventMiddleware = Map.copyOf(eventMiddleware);
  }

  /** Every role named anywhere, for asking the container at the handshake. */
  public Set<String> allRoles() {
    Set<String> all = new java.util.TreeSet<>(connectRoles);
    eventRoles.values().forEach(all::addAll);
    return all;
  }
}
