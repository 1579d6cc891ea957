package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.PathParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Computes a handler's argument plan once, at deployment. */
final class Binding {

  private Binding() {}

  /**
   * The plan for a handler.
   *
   * @param resolvers one per parameter
   * @param payloadType the payload's type, or null
   */
  record Plan(List<ArgumentResolver> resolvers, Type payloadType) {}

  static Plan plan(
      Method m,
      HandlerKind kind,
      PathTemplate path,
      Map<String, Set<Class<?>>> pathParamTypes,
      Problems problems) {
    List<ArgumentResolver> resolvers = new ArrayList<>();
    Type payloadType = null;
    Parameter[] params = m.getParameters();
    for (int i = 0; i < params.length; i++) {
      Parameter p = params[i];
      Class<?> t = p.getType();
      PathParam pp = p.getAnnotation(PathParam.class);
      if (pp != null) {
        resolvers.add(pathParam(m, i, p, pp.value(), path, pathParamTypes, problems));
      } else if (t == Connection.class) {
        resolvers.add(Invocation::connection);
      } else if (t == Principal.class) {
        resolvers.add(inv -> inv.connection().principal().orElse(null));
      } else if (t == Envelope.class
          && kind != HandlerKind.ON_CONNECT
          && kind != HandlerKind.ON_DISCONNECT) {
        resolvers.add(Invocation::envelope);
      } else if (t == CloseStatus.class && kind == HandlerKind.ON_DISCONNECT) {
        resolvers.add(Invocation::closeStatus);
      } else if (kind.takesPayload() && payloadType == null && !isFrameworkType(t)) {
        payloadType = p.getParameterizedType();
        resolvers.add(Invocation::payload);
      } else {
        problems.add(
            Messages.notBindable(
                m, i, p.getParameterizedType().getTypeName(), why(kind, t, payloadType)));
        resolvers.add(inv -> null);
      }
    }
    return new Plan(resolvers, payloadType);
  }

  private static boolean isFrameworkType(Class<?> t) {
    return t == Connection.class
        || t == Principal.class
        || t == Envelope.class
        || t == CloseStatus.class
        || t.getName().startsWith("jakarta.websocket.");
  }

  private static String why(HandlerKind kind, Class<?> t, Type payloadType) {
    if (t == CloseStatus.class) {
      return "CloseStatus is only available to @OnDisconnect";
    }
    if (t == Envelope.class) {
      return "the envelope is only available to message handlers and guards";
    }
    if (t.getName().startsWith("jakarta.websocket.")) {
      return "Jakarta WebSocket types are not exposed; use Connection";
    }
    if (kind.takesPayload() && payloadType != null) {
      return "a handler has at most one payload parameter, and one is already declared";
    }
    return "a "
        + kind.name()
        + " handler accepts Connection, Principal, @PathParam"
        + (kind == HandlerKind.ON_DISCONNECT ? ", CloseStatus" : "")
        + (kind == HandlerKind.GUARD ? ", Envelope" : "")
        + " parameters only";
  }

  private static ArgumentResolver pathParam(
      Method m,
      int index,
      Parameter p,
      String name,
      PathTemplate path,
      Map<String, Set<Class<?>>> pathParamTypes,
      Problems problems) {
    if (path != null && !path.paramNames().contains(name)) {
      problems.add(Messages.unknownPathParam(m, name, path.template()));
      return inv -> null;
    }
    Optional<Function<String, Object>> converter = ValueConverter.forType(p.getType());
    if (converter.isEmpty()) {
      problems.add(
          Messages.notBindable(
              m,
              index,
              p.getType().getName(),
              "path parameters convert to String, primitives and their wrappers, BigInteger,"
                  + " BigDecimal, UUID or an enum"));
      return inv -> null;
    }
    Class<?> type = p.getType();
    pathParamTypes.computeIfAbsent(name, k -> new java.util.LinkedHashSet<>()).add(type);
    return inv -> inv.connection().typedPathParam(name, type);
  }
}
