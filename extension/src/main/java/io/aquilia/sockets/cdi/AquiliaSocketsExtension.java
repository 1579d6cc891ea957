package io.aquilia.sockets.cdi;

import io.aquilia.sockets.Broadcaster;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.runtime.ControllerModel;
import io.aquilia.sockets.runtime.DeploymentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code @Socket} controllers and validates them before the application starts.
 *
 * <p>Controllers are collected in {@link ProcessManagedBean}, which (unlike {@code
 * ProcessAnnotatedType}) sees only enabled, non-vetoed beans with their final annotations. In
 * {@link AfterBeanDiscovery} every controller is validated and every problem becomes a definition
 * error, so a broken application fails deployment with all its problems listed at once. Endpoints
 * are registered later by {@link EndpointRegistrar}, the one hook that works on every server.
 */
public class AquiliaSocketsExtension implements Extension {

  private final Map<Class<?>, Bean<?>> beans = new LinkedHashMap<>();
  private List<ControllerModel> models = List.of();

  <T> void collect(@Observes ProcessManagedBean<T> event) {
    Class<?> type = event.getAnnotatedBeanClass().getJavaClass();
    if (type.isAnnotationPresent(Socket.class)) {
      beans.put(type, event.getBean());
    }
  }

  void validate(@Observes AfterBeanDiscovery event) {
    List<String> problems = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Manifest manifest =
        Manifest.load(loader == null ? getClass().getClassLoader() : loader, problems);
    List<Class<?>> selected = Selection.select(beans.keySet(), manifest, problems);
    DeploymentModel deployment = DeploymentModel.of(selected);
    problems.addAll(deployment.problems().messages());
    ClassLoader app = loader == null ? getClass().getClassLoader() : loader;
    problems.addAll(AdapterSelection.check(app, Settings.of(app)));
    problems.forEach(p -> event.addDefinitionError(new DefinitionException(p)));
    models = problems.isEmpty() ? deployment.models() : List.of();
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
}
