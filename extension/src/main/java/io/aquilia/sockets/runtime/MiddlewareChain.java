package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.SocketMiddleware;
import jakarta.annotation.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The middleware of one socket: global, socket and event middleware ordered by {@code Priority}
 * (then global before socket before event), around the message pipeline.
 */
final class MiddlewareChain {

  private static final Logger LOG = Logger.getLogger(MiddlewareChain.class.getName());

  private record Link(SocketMiddleware middleware, Class<?> type, int priority, int scope) {}

  private static final Comparator<Link> ORDER =
      Comparator.comparingInt(Link::priority).thenComparingInt(Link::scope);

  private final List<Link> socketLevel;
  private final Map<String, List<Link>> eventLevel = new HashMap<>();
  private final SocketCounters counters;

  MiddlewareChain(ControllerModel model, Components components, SocketCounters counters) {
    this.counters = counters;
    List<Link> links = new ArrayList<>();
    for (Components.Named<SocketMiddleware> g : components.globalMiddleware()) {
      links.add(link(g.instance(), g.type(), 0));
    }
    for (Class<?> t : model.protection().access().middleware()) {
      links.add(link((SocketMiddleware) components.instance(t), t, 1));
    }
    links.sort(ORDER);
    this.socketLevel = List.copyOf(links);
    model
        .protection()
        .access()
        .eventMiddleware()
        .forEach(
            (event, types) -> {
              List<Link> list = new ArrayList<>(socketLevel);
              types.forEach(t -> list.add(link((SocketMiddleware) components.instance(t), t, 2)));
              list.sort(ORDER);
              eventLevel.put(event, List.copyOf(list));
            });
  }

  private static Link link(SocketMiddleware m, Class<?> type, int scope) {
    Priority p = type.getAnnotation(Priority.class);
    return new Link(m, type, p == null ? 100 : p.value(), scope);
  }

  boolean isEmpty() {
    return socketLevel.isEmpty() && eventLevel.isEmpty();
  }

  /** Calls every {@code onConnect}; a throw refuses the connection. */
  void onConnect(Connection c) {
    for (Link l : socketLevel) {
      l.middleware().onConnect(c);
    }
  }

  /** Calls every {@code onDisconnect} in reverse order; failures are logged. */
  void onDisconnect(Connection c, CloseStatus status) {
    for (int i = socketLevel.size() - 1; i >= 0; i--) {
      Link l = socketLevel.get(i);
      try {
        l.middleware().onDisconnect(c, status);
      } catch (RuntimeException | LinkageError e) {
        LOG.log(
            Level.WARNING,
            Messages.middlewareFailed("onDisconnect", l.type().getName(), c.id()),
            e);
      }
    }
  }

  /** Runs the message through the middleware of its event, ending with {@code terminal}. */
  Object onMessage(Connection c, Envelope e, SocketMiddleware.Next terminal) throws Exception {
    List<Link> list = eventLevel.getOrDefault(e.event(), socketLevel);
    if (list.isEmpty()) {
      return terminal.proceed();
    }
    boolean[] reached = {false};
    Object result =
        step(
            list,
            0,
            c,
            e,
            () -> {
              reached[0] = true;
              return terminal.proceed();
            });
    if (!reached[0]) {
      counters.shortCircuits.increment();
    }
    return result;
  }

  private static Object step(
      List<Link> list, int i, Connection c, Envelope e, SocketMiddleware.Next terminal)
      throws Exception {
    if (i == list.size()) {
      return terminal.proceed();
    }
    return list.get(i).middleware().onMessage(c, e, () -> step(list, i + 1, c, e, terminal));
  }
}
