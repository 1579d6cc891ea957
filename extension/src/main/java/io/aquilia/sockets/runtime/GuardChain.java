package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.GuardContext;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.SocketGuard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guards of one socket, in priority order: the controller's {@code @Guard} methods and the
 * {@link SocketGuard} beans of {@code @UseGuards}, plus the {@code RolesAllowed} checks. A guard
 * that returns {@code false} or throws denies; the first denial wins.
 */
final class GuardChain {

  private interface Entry {
    int priority();

    Set<Guard.Stage> stages();

    String name();

    boolean allow(RuntimeConnection c, Guard.Stage stage, Envelope e, String room) throws Throwable;
  }

  private record MethodGuard(Object controller, HandlerModel handler) implements Entry {
    public int priority() {
      return handler.priority();
    }

    public Set<Guard.Stage> stages() {
      return handler.stages();
    }

    public String name() {
      return handler.method().getName();
    }

    public boolean allow(RuntimeConnection c, Guard.Stage stage, Envelope e, String room)
        throws Throwable {
      return !Boolean.FALSE.equals(
          Invoker.call(controller, handler, new Invocation(c, e, null, null)));
    }
  }

  private record BeanGuard(SocketGuard guard, Class<?> type, int priority, Set<Guard.Stage> stages)
      implements Entry {
    public String name() {
      return type.getSimpleName();
    }

    public boolean allow(RuntimeConnection c, Guard.Stage stage, Envelope e, String room) {
      return guard.allow(new GuardContext(c, stage, e, room));
    }
  }

  private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::priority);

  private final Access access;
  private final SocketCounters counters;
  private final List<Entry> socketLevel;
  private final Map<String, List<Entry>> eventLevel = new HashMap<>();

  GuardChain(
      ControllerModel model, Object controller, Components components, SocketCounters counters) {
    this.access = model.protection().access();
    this.counters = counters;
    List<Entry> all = new ArrayList<>();
    model.guards().forEach(h -> all.add(new MethodGuard(controller, h)));
    access.guardBeans().forEach(t -> all.add(bean(t, components, null)));
    all.sort(ORDER);
    this.socketLevel = List.copyOf(all);
    access
        .eventGuardBeans()
        .forEach(
            (event, types) -> {
              List<Entry> list = new ArrayList<>(socketLevel);
              types.forEach(t -> list.add(bean(t, components, EnumSet.of(Guard.Stage.EVENT))));
              list.sort(ORDER);
              eventLevel.put(event, List.copyOf(list));
            });
  }

  private static BeanGuard bean(Class<?> type, Components components, Set<Guard.Stage> stages) {
    Guard g = type.getAnnotation(Guard.class);
    Set<Guard.Stage> declared =
        g == null || g.stages().length == 0 ? Set.of(Guard.Stage.CONNECT) : Set.of(g.stages());
    return new BeanGuard(
        (SocketGuard) components.instance(type),
        type,
        g == null ? 100 : g.priority(),
        stages == null ? declared : stages);
  }

  /** The number of guard methods and beans. */
  int size() {
    return socketLevel.size();
  }

  /**
   * Runs the role checks and guards of a stage.
   *
   * @param room the room being joined at {@code JOIN}, else null
   * @throws SocketFault when denied ({@code WS_FORBIDDEN} or the guard's own fault)
   * @throws Throwable any other failure of a guard
   */
  void check(RuntimeConnection conn, Guard.Stage stage, Envelope envelope, String room)
      throws Throwable {
    try {
      roles(conn, stage, envelope);
      List<Entry> list =
          stage == Guard.Stage.EVENT && envelope != null
              ? eventLevel.getOrDefault(envelope.event(), socketLevel)
              : socketLevel;
      for (Entry g : list) {
        if (g.stages().contains(stage) && !g.allow(conn, stage, envelope, room)) {
          throw SocketFault.forbidden("denied by guard " + g.name());
        }
      }
    } catch (SocketFault f) {
      counters.guardDenials.increment();
      throw f;
    }
  }

  private void roles(RuntimeConnection conn, Guard.Stage stage, Envelope envelope) {
    Set<String> needed =
        switch (stage) {
          case CONNECT -> access.connectRoles();
          case EVENT ->
              envelope == null
                  ? Set.of()
                  : access.eventRoles().getOrDefault(envelope.event(), Set.of());
          case JOIN -> Set.of();
        };
    if (needed.isEmpty() || needed.stream().anyMatch(conn::isUserInRole)) {
      return;
    }
    if (conn.principal().isEmpty() && stage == Guard.Stage.CONNECT) {
      throw new SocketFault(
          FaultCode.WS_AUTH_REQUIRED,
          FaultCode.WS_AUTH_REQUIRED.defaultMessage() + ": a role is required");
    }
    throw SocketFault.forbidden("requires one of the roles " + new java.util.TreeSet<>(needed));
  }
}
