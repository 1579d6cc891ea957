package io.aquilia.sockets.cdi;

import io.aquilia.sockets.Broadcaster;
import io.aquilia.sockets.GlobalMiddleware;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketMiddleware;
import io.aquilia.sockets.runtime.ControllerModel;
import io.aquilia.sockets.runtime.DeploymentModel;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.runtime.Overrides;
import io.aquilia.sockets.spi.TokenAuthenticator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds {@code @Socket} controllers and validates them before the application starts.
 *
 * <p>Controllers are collected in {@link ProcessManagedBean}, which (unlike {@code
 * ProcessAnnotatedType}) sees only enabled, non-vetoed beans with their final annotations. The same
 * observer notes the application's bean classes, its {@link GlobalMiddleware} beans and its {@link
 * TokenAuthenticator}. In {@link AfterBeanDiscovery} every controller is validated, with the
 * MicroProfile Config overrides applied, and every problem becomes a definition error, so a broken
 * application fails deployment with all its problems listed at once. Endpoints are registered later
 * by {@link EndpointRegistrar}, the one hook that works on every server.
 */
public class AquiliaSocketsExtension implements Extension {

  private final Map<Class<?>, Bean<?>> beans = new LinkedHashMap<>();
  private final Set<Class<?>> beanClasses = new HashSet<>();
  private final List<Bean<?>> globalMiddleware = new ArrayList<>();
  private final List<Bean<?>> authenticators = new ArrayList<>();
  private List<ControllerModel> models = List.of();

  /**
   * Adds the MicroProfile Health checks when the server provides MicroProfile Health. The extension
   * jar is not a bean archive, so they are added explicitly, by name, so that nothing loads the
   * MicroProfile types on servers without them.
   */
  void addOptionalBeans(@Observes BeforeBeanDiscovery event, BeanManager bm) {
    if (OptionalApis.present("org.eclipse.microprofile.health.HealthCheck")) {
      for (String name :
          java.util.List.of(
              "io.aquilia.sockets.mp.SocketsLiveness", "io.aquilia.sockets.mp.SocketsReadiness")) {
        Class<?> type = OptionalApis.load(name);
        event.addAnnotatedType(bm.createAnnotatedType(type), name);
      }
    }
    if (OptionalApis.present("org.eclipse.microprofile.metrics.MetricRegistry")) {
      String name = "io.aquilia.sockets.mp.MetricsHolder";
      event.addAnnotatedType(bm.createAnnotatedType(OptionalApis.load(name)), name);
    }
  }

  /**
   * Keeps the container's Bean Validation method validation off the handler methods of a
   * controller. The runtime validates every payload itself (with or without {@code @Valid}) and
   * answers violations with an error envelope; a {@code @Valid} parameter would otherwise also bind
   * Bean Validation's interceptor, which validates the payload a second time on every message.
   * Observed after the validation provider's own observer (default priority), which adds the
   * binding; other interceptors are kept.
   */
  <T> void skipMethodValidation(
      @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000)
          ProcessAnnotatedType<T> event) {
    if (!event.getAnnotatedType().getJavaClass().isAnnotationPresent(Socket.class)) {
      return;
    }
    if (event.getAnnotatedType().getMethods().stream()
        .noneMatch(
            m ->
                Handlers.isHandler(m)
                    && m.getAnnotations().stream().anyMatch(Handlers::isMethodValidation))) {
      return;
    }
    event
        .configureAnnotatedType()
        .filterMethods(Handlers::isHandler)
        .forEach(m -> m.remove(Handlers::isMethodValidation));
  }

  <T> void collect(@Observes ProcessManagedBean<T> event) {
    Class<?> type = event.getAnnotatedBeanClass().getJavaClass();
    beanClasses.add(type);
    if (type.isAnnotationPresent(Socket.class)) {
      beans.put(type, event.getBean());
    }
    if (type.isAnnotationPresent(GlobalMiddleware.class)) {
      globalMiddleware.add(event.getBean());
    }
    if (TokenAuthenticator.class.isAssignableFrom(type)) {
      authenticators.add(event.getBean());
    }
  }

  void validate(@Observes AfterBeanDiscovery event) {
    List<String> problems = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ClassLoader cl = loader == null ? getClass().getClassLoader() : loader;
    Manifest manifest = Manifest.load(cl, problems);
    List<Class<?>> selected = Selection.select(beans.keySet(), manifest, problems);
    Overrides overrides = ConfigOverrides.load(cl, selected, problems);
    DeploymentModel deployment = DeploymentModel.of(selected, overrides);
    problems.addAll(deployment.problems().messages());
    ClassLoader app = loader == null ? getClass().getClassLoader() : loader;
    problems.addAll(AdapterSelection.check(app, Settings.of(app)));
    components(deployment.models(), problems);
    problems.forEach(p -> event.addDefinitionError(new DefinitionException(p)));
    models = problems.isEmpty() ? deployment.models() : List.of();
  }

  private void components(List<ControllerModel> models, List<String> problems) {
    models.stream()
        .flatMap(
            m ->
                Stream.of(
                        m.protection().access().guardBeans().stream(),
                        m.protection().access().middleware().stream(),
                        m.protection().access().eventGuardBeans().values().stream()
                            .flatMap(List::stream),
                        m.protection().access().eventMiddleware().values().stream()
                            .flatMap(List::stream))
                    .flatMap(s -> s))
        .distinct()
        .filter(c -> !beanClasses.contains(c) && !instantiable(c))
        .forEach(
            c ->
                problems.add(
                    Messages.noInstance(
                        c.getName(),
                        "it is not a CDI bean (add a bean-defining annotation such as"
                            + " @ApplicationScoped) and has no public no-argument constructor")));
    if (authenticators.size() > 1) {
      problems.add(
          Messages.ambiguousAuthenticator(
              authenticators.stream().map(b -> b.getBeanClass().getName()).toList().toString()));
    }
    globalMiddleware.stream()
        .filter(b -> !SocketMiddleware.class.isAssignableFrom(b.getBeanClass()))
        .forEach(b -> problems.add(Messages.notAMiddleware(b.getBeanClass().getName())));
  }

  private static boolean instantiable(Class<?> c) {
    try {
      return Modifier.isPublic(c.getConstructor().getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Adds the {@link Broadcaster} bean, so that any bean can reach the sockets. */
  void broadcaster(@Observes AfterBeanDiscovery event) {
    event
        .addBean()
        .beanClass(RegistryBroadcaster.class)
        .types(Broadcaster.class, Object.class)
        .scope(ApplicationScoped.class)
        .createWith(c -> new RegistryBroadcaster());
  }

  /** The validated controllers. */
  public List<ControllerModel> models() {
    return models;
  }

  /** The bean of a controller class. */
  public Bean<?> bean(Class<?> type) {
    return beans.get(type);
  }

  /** Whether a class is a bean of this application. */
  boolean isBean(Class<?> type) {
    return beanClasses.contains(type);
  }

  /** The {@link GlobalMiddleware} beans. */
  List<Bean<?>> globalMiddleware() {
    return List.copyOf(globalMiddleware);
  }

  /** The token authenticator bean, or null. */
  Bean<?> authenticator() {
    return authenticators.size() == 1 ? authenticators.get(0) : null;
  }
}
