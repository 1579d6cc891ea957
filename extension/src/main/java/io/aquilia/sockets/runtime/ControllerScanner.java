package io.aquilia.sockets.runtime;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.StandardEvents;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Turns a {@code @Socket} class into a {@link ControllerModel}, recording every definition error in
 * a {@link Problems} instead of stopping at the first.
 */
public final class ControllerScanner {

  private static final List<Class<? extends Annotation>> HANDLER_ANNOTATIONS =
      List.of(
          OnConnect.class,
          OnDisconnect.class,
          Event.class,
          AckEvent.class,
          Subscribe.class,
          Unsubscribe.class,
          Guard.class);

  private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:/-]{0,127}");

  private ControllerScanner() {}

  /** Scans one class; returns empty when it has problems (recorded in {@code problems}). */
  public static Optional<ControllerModel> scan(Class<?> type, Problems problems) {
    return scan(type, problems, Overrides.NONE);
  }

  /** Scans one class with configuration overrides applied to its {@code @Socket} attributes. */
  public static Optional<ControllerModel> scan(
      Class<?> type, Problems problems, Overrides overrides) {
    int before = problems.messages().size();
    Socket socket = type.getAnnotation(Socket.class);
    if (socket == null) {
      throw new IllegalArgumentException(type.getName() + " is not annotated @Socket");
    }
    if (!SocketController.class.isAssignableFrom(type)) {
      problems.add(Messages.notAController(type));
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      problems.add(Messages.abstractController(type));
    }
    Optional<PathTemplate> path = path(type, socket, problems);
    SocketSettings settings = new SocketSettings(type, socket, overrides, problems);
    SocketLimits limits = Limits.of(type, settings, socket, problems);
    Map<String, Set<Class<?>>> pathParamTypes = new LinkedHashMap<>();
    Map<String, HandlerModel> events = new LinkedHashMap<>();
    List<HandlerModel> guards = new ArrayList<>();
    HandlerModel onConnect = null;
    HandlerModel onDisconnect = null;
    List<Method> methods = handlerMethods(type);
    for (Method m : methods) {
      List<Annotation> found = handlerAnnotations(m);
      if (found.isEmpty()) {
        continue;
      }
      if (found.size() > 1) {
        problems.add(Messages.conflictingAnnotations(m, names(found)));
        continue;
      }
      Optional<HandlerModel> h =
          handler(m, found.get(0), path.orElse(null), pathParamTypes, problems);
      if (h.isEmpty()) {
        continue;
      }
      HandlerModel handler = h.get();
      switch (handler.kind()) {
        case ON_CONNECT -> {
          if (onConnect != null) {
            problems.add(Messages.duplicateLifecycle("OnConnect", onConnect.method(), m));
          } else {
            onConnect = handler;
          }
        }
        case ON_DISCONNECT -> {
          if (onDisconnect != null) {
            problems.add(Messages.duplicateLifecycle("OnDisconnect", onDisconnect.method(), m));
          } else {
            onDisconnect = handler;
          }
        }
        case GUARD -> guards.add(handler);
        default -> {
          HandlerModel previous = events.putIfAbsent(handler.event(), handler);
          if (previous != null) {
            problems.add(Messages.duplicateEvent(handler.event(), previous.method(), m));
          }
        }
      }
    }
    Protection protection =
        ProtectionScanner.scan(type, socket, settings, limits, events, methods, problems);
    RoomOptions rooms = rooms(type, socket, path.orElse(null), problems);
    if (rooms.presence() && events.containsKey(StandardEvents.PRESENCE_LIST)) {
      problems.add(
          Messages.reservedEvent(
              events.get(StandardEvents.PRESENCE_LIST).method(),
              StandardEvents.PRESENCE_LIST,
              "the runtime answers it on sockets with presence = true"));
    }
    if (problems.messages().size() > before || path.isEmpty()) {
      return Optional.empty();
    }
    guards.sort((a, b) -> Integer.compare(a.priority(), b.priority()));
    String namespace = socket.namespace().isBlank() ? path.get().template() : socket.namespace();
    return Optional.of(
        new ControllerModel(
            type,
            path.get(),
            namespace,
            limits,
            Optional.ofNullable(onConnect),
            Optional.ofNullable(onDisconnect),
            events,
            guards,
            pathParamTypes,
            rooms,
            protection));
  }

  private static RoomOptions rooms(
      Class<?> type, Socket socket, PathTemplate path, Problems problems) {
    String param = socket.joinPathRoom();
    if (param.isEmpty()) {
      return new RoomOptions(socket.presence(), Optional.empty());
    }
    if (path != null && !path.paramNames().contains(param)) {
      problems.add(Messages.unknownJoinPathRoom(type, param, path.template()));
    }
    return new RoomOptions(socket.presence(), Optional.of(param));
  }

  /**
   * {@code void}, {@code String}, or a {@code CompletionStage} of {@code String} or {@code Void}.
   */
  private static Optional<String> roomReturnProblem(Method m) {
    Class<?> r = m.getReturnType();
    if (r == void.class || r == String.class) {
      return Optional.empty();
    }
    if (CompletionStage.class.isAssignableFrom(r)) {
      Type g = m.getGenericReturnType();
      if (!(g instanceof ParameterizedType p)) {
        return Optional.empty();
      }
      Type arg = p.getActualTypeArguments()[0];
      if (arg == String.class || arg == Void.class || arg instanceof WildcardType) {
        return Optional.empty();
      }
    }
    return Optional.of(m.getGenericReturnType().getTypeName());
  }

  private static Optional<PathTemplate> path(Class<?> type, Socket socket, Problems problems) {
    String value = socket.value();
    String path = socket.path();
    if (value.isEmpty() && path.isEmpty()) {
      problems.add(Messages.pathMissing(type));
      return Optional.empty();
    }
    if (!value.isEmpty() && !path.isEmpty()) {
      problems.add(Messages.pathTwice(type));
      return Optional.empty();
    }
    String raw = value.isEmpty() ? path : value;
    List<String> why = new ArrayList<>();
    Optional<PathTemplate> parsed = PathTemplate.parse(raw, why);
    why.forEach(w -> problems.add(Messages.invalidPath(type, raw, w)));
    return parsed;
  }

  /** Public and non-public methods up the hierarchy, most-derived first; overridden ones once. */
  private static List<Method> handlerMethods(Class<?> type) {
    List<Method> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Class<?> c = type; c != null && c != Object.class && c != SocketController.class; ) {
      Method[] declared = c.getDeclaredMethods();
      Arrays.sort(declared, (a, b) -> a.toString().compareTo(b.toString()));
      for (Method m : declared) {
        if (m.isBridge() || m.isSynthetic()) {
          continue;
        }
        String key = m.getName() + Arrays.toString(m.getParameterTypes());
        if (seen.add(key)) {
          result.add(m);
        }
      }
      c = c.getSuperclass();
    }
    return result;
  }

  private static List<Annotation> handlerAnnotations(Method m) {
    List<Annotation> found = new ArrayList<>();
    for (Class<? extends Annotation> a : HANDLER_ANNOTATIONS) {
      Annotation ann = m.getAnnotation(a);
      if (ann != null) {
        found.add(ann);
      }
    }
    return found;
  }

  private static String names(List<Annotation> found) {
    List<String> names = new ArrayList<>();
    found.forEach(a -> names.add("@" + a.annotationType().getSimpleName()));
    return String.join(", ", names);
  }

  private static Optional<HandlerModel> handler(
      Method m,
      Annotation ann,
      PathTemplate path,
      Map<String, Set<Class<?>>> pathParamTypes,
      Problems problems) {
    int before = problems.messages().size();
    if (!Modifier.isPublic(m.getModifiers())) {
      problems.add(Messages.badSignature(m, "it must be public"));
    }
    if (Modifier.isStatic(m.getModifiers())) {
      problems.add(Messages.badSignature(m, "it must not be static"));
    }
    if (Modifier.isAbstract(m.getModifiers())) {
      problems.add(Messages.badSignature(m, "it must not be abstract"));
    }
    if (m.getTypeParameters().length > 0) {
      problems.add(Messages.badSignature(m, "it must not declare type parameters"));
    }
    HandlerKind kind;
    String event = null;
    boolean ack = false;
    Class<?>[] groups = new Class<?>[0];
    int priority = 0;
    Set<Guard.Stage> stages = Set.of();
    if (ann instanceof OnConnect) {
      kind = HandlerKind.ON_CONNECT;
    } else if (ann instanceof OnDisconnect) {
      kind = HandlerKind.ON_DISCONNECT;
    } else if (ann instanceof Event e) {
      kind = HandlerKind.EVENT;
      event = e.value();
      ack = e.ack();
      groups = e.groups();
    } else if (ann instanceof AckEvent e) {
      kind = HandlerKind.EVENT;
      event = e.value();
      ack = true;
      groups = e.groups();
    } else if (ann instanceof Subscribe s) {
      kind = HandlerKind.SUBSCRIBE;
      event = s.value();
      ack = true;
      roomReturnProblem(m)
          .ifPresent(t -> problems.add(Messages.badRoomHandlerReturn(m, "@Subscribe", t)));
    } else if (ann instanceof Unsubscribe u) {
      kind = HandlerKind.UNSUBSCRIBE;
      event = u.value();
      ack = true;
      roomReturnProblem(m)
          .ifPresent(t -> problems.add(Messages.badRoomHandlerReturn(m, "@Unsubscribe", t)));
    } else {
      Guard g = (Guard) ann;
      kind = HandlerKind.GUARD;
      priority = g.priority();
      stages = Set.of(g.stages());
      Class<?> r = m.getReturnType();
      if (r != boolean.class && r != Boolean.class && r != void.class) {
        problems.add(
            Messages.badSignature(m, "a @Guard must return boolean or void, not " + r.getName()));
      }
      if (stages.isEmpty()) {
        problems.add(Messages.badSignature(m, "a @Guard must name at least one stage"));
      }
    }
    if (event != null && !EVENT_NAME.matcher(event).matches()) {
      problems.add(
          Messages.invalidEventName(
              m,
              event,
              "use 1-128 letters, digits, '_', '.', ':', '/' or '-', not starting with a punctuation mark"));
    }
    Binding.Plan plan = Binding.plan(m, kind, path, pathParamTypes, problems);
    if (problems.messages().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new HandlerModel(
            m,
            kind,
            event,
            ack,
            List.of(groups),
            plan.payloadType(),
            plan.resolvers(),
            priority,
            stages));
  }
}
