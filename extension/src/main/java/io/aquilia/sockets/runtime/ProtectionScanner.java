package io.aquilia.sockets.runtime;

import io.aquilia.sockets.RateLimitExempt;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketGuard;
import io.aquilia.sockets.SocketMiddleware;
import io.aquilia.sockets.UseGuards;
import io.aquilia.sockets.UseMiddleware;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the protection annotations of a controller ({@code RolesAllowed}, {@link UseGuards}, {@link
 * UseMiddleware}, {@link RateLimitExempt}) and the protection attributes of {@code @Socket}.
 */
final class ProtectionScanner {

  private static final List<Class<? extends Annotation>> EVENT_ONLY =
      List.of(RateLimitExempt.class, RolesAllowed.class, UseGuards.class, UseMiddleware.class);

  private ProtectionScanner() {}

  static Protection scan(
      Class<?> type,
      Socket s,
      SocketSettings set,
      SocketLimits limits,
      Map<String, HandlerModel> events,
      List<Method> allMethods,
      Problems problems) {
    int burst = set.intValue("rateLimitBurst", s.rateLimitBurst());
    int closeAfter = set.intValue("rateLimitCloseAfter", s.rateLimitCloseAfter());
    int perUser = set.intValue("maxConnectionsPerUser", s.maxConnectionsPerUser());
    int perIp = set.intValue("maxConnectionsPerIp", s.maxConnectionsPerIp());
    Limits.nonNegative(type, "rateLimitBurst", burst, problems);
    Limits.nonNegative(type, "rateLimitCloseAfter", closeAfter, problems);
    Limits.nonNegative(type, "maxConnectionsPerUser", perUser, problems);
    Limits.nonNegative(type, "maxConnectionsPerIp", perIp, problems);
    Set<String> handlerMethods = new HashSet<>();
    Set<String> exempt = new LinkedHashSet<>();
    Map<String, Set<String>> eventRoles = new HashMap<>();
    Map<String, List<Class<?>>> eventGuards = new HashMap<>();
    Map<String, List<Class<?>>> eventMiddleware = new HashMap<>();
    events.forEach(
        (event, h) -> {
          Method m = h.method();
          handlerMethods.add(key(m));
          if (m.isAnnotationPresent(RateLimitExempt.class)) {
            exempt.add(event);
          }
          RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
          if (roles != null) {
            eventRoles.put(event, roles(type, roles, problems));
          }
          UseGuards g = m.getAnnotation(UseGuards.class);
          if (g != null) {
            eventGuards.put(event, classes(type, g.value(), SocketGuard.class, problems));
          }
          UseMiddleware mw = m.getAnnotation(UseMiddleware.class);
          if (mw != null) {
            eventMiddleware.put(event, classes(type, mw.value(), SocketMiddleware.class, problems));
          }
        });
    for (Method m : allMethods) {
      if (handlerMethods.contains(key(m))) {
        continue;
      }
      for (Class<? extends Annotation> a : EVENT_ONLY) {
        if (m.isAnnotationPresent(a)) {
          problems.add(Messages.eventOnlyAnnotation(m, a.getSimpleName()));
        }
      }
    }
    RolesAllowed classRoles = type.getAnnotation(RolesAllowed.class);
    UseGuards classGuards = type.getAnnotation(UseGuards.class);
    UseMiddleware classMiddleware = type.getAnnotation(UseMiddleware.class);
    Access access =
        new Access(
            classRoles == null ? Set.of() : roles(type, classRoles, problems),
            eventRoles,
            classGuards == null
                ? List.of()
                : classes(type, classGuards.value(), SocketGuard.class, problems),
            eventGuards,
            classMiddleware == null
                ? List.of()
                : classes(type, classMiddleware.value(), SocketMiddleware.class, problems),
            eventMiddleware);
    int rate = limits.messageRateLimit();
    RatePolicy policy =
        new RatePolicy(
            rate,
            burst > 0 ? burst : rate,
            closeAfter,
            set.boolValue("rateLimitPerUser", s.rateLimitPerUser()),
            exempt);
    return new Protection(
        set.boolValue("allowMissingOrigin", s.allowMissingOrigin()),
        set.boolValue("authenticationRequired", s.authenticationRequired()),
        perUser,
        perIp,
        policy,
        access);
  }

  private static Set<String> roles(Class<?> type, RolesAllowed roles, Problems problems) {
    Set<String> out = new LinkedHashSet<>();
    for (String r : roles.value()) {
      if (r == null || r.isBlank()) {
        problems.add(Messages.invalidRoles(type));
      } else {
        out.add(r);
      }
    }
    if (roles.value().length == 0) {
      problems.add(Messages.invalidRoles(type));
    }
    return out;
  }

  private static List<Class<?>> classes(
      Class<?> type, Class<?>[] named, Class<?> kind, Problems problems) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c : named) {
      if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
        problems.add(Messages.unusableComponent(type, c, kind, "it is abstract or an interface"));
      } else if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static String key(Method m) {
    return m.getDeclaringClass().getName() + "#" + m.getName() + m.toGenericString();
  }
}
