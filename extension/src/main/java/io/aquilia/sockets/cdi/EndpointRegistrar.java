package io.aquilia.sockets.cdi;

import io.aquilia.sockets.SocketAdmin;
import io.aquilia.sockets.jakarta.AquiliaEndpoint;
import io.aquilia.sockets.jakarta.EnvelopeDecoder;
import io.aquilia.sockets.jakarta.EnvelopeEncoder;
import io.aquilia.sockets.jakarta.SocketConfigurator;
import io.aquilia.sockets.runtime.ControllerModel;
import io.aquilia.sockets.runtime.InMemoryAdapter;
import io.aquilia.sockets.runtime.LiveSocket;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.runtime.PayloadValidators;
import io.aquilia.sockets.runtime.SocketRuntime;
import io.aquilia.sockets.spi.SocketAdapter;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers one {@link ServerEndpointConfig} per validated socket when the web application starts,
 * and closes every connection (1001) when it stops. Idempotent per servlet context.
 */
public class EndpointRegistrar implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(EndpointRegistrar.class.getName());
  private static final String RUNTIME = SocketRuntime.class.getName();

  private final List<CreationalContext<?>> contexts = new ArrayList<>();
  private Jsonb jsonb;

  @Override
  public void contextInitialized(ServletContextEvent sce) {
    ServletContext ctx = sce.getServletContext();
    if (ctx.getAttribute(RUNTIME) != null) {
      return;
    }
    BeanManager bm = CDI.current().getBeanManager();
    AquiliaSocketsExtension ext = bm.getExtension(AquiliaSocketsExtension.class);
    List<ControllerModel> models = ext.models();
    if (models.isEmpty()) {
      return;
    }
    ServerContainer container =
        (ServerContainer) ctx.getAttribute("jakarta.websocket.server.ServerContainer");
    if (container == null) {
      throw new IllegalStateException(Messages.noWebSocketContainer());
    }
    jsonb = JsonbBuilder.create();
    SocketRuntime runtime =
        new SocketRuntime(
            models,
            m -> reference(bm, ext.bean(m.type())),
            new CdiComponents(bm, ext, contexts),
            jsonb,
            validator(),
            Clock.systemUTC(),
            true,
            adapter(bm, ctx.getClassLoader()),
            null);
    ctx.setAttribute(RUNTIME, runtime);
    io.aquilia.sockets.mp.RuntimeHolder.set(runtime);
    Metrics.install(runtime);
    ctx.setAttribute(SocketAdmin.class.getName(), runtime.admin());
    for (LiveSocket socket : runtime.sockets()) {
      ServerEndpointConfig config =
          ServerEndpointConfig.Builder.create(
                  AquiliaEndpoint.class, socket.model().path().jakartaPath())
              .configurator(new SocketConfigurator(socket, ctx.getContextPath()))
              .decoders(List.of(EnvelopeDecoder.class))
              .encoders(List.of(EnvelopeEncoder.class))
              // a browser sends its token as "Sec-WebSocket-Protocol: bearer, <token>"; the
              // server must select one offered protocol, so it selects "bearer", never the token
              .subprotocols(List.of("bearer"))
              .build();
      config.getUserProperties().put("io.aquilia.sockets.socket", socket);
      try {
        container.addEndpoint(config);
      } catch (DeploymentException e) {
        throw new IllegalStateException(
            Messages.endpointRefused(socket.model().path().jakartaPath()), e);
      }
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent sce) {
    Object runtime = sce.getServletContext().getAttribute(RUNTIME);
    if (runtime instanceof SocketRuntime r) {
      io.aquilia.sockets.mp.RuntimeHolder.set(null);
      r.close();
      sce.getServletContext().removeAttribute(RUNTIME);
    }
    contexts.forEach(CreationalContext::release);
    contexts.clear();
    if (jsonb != null) {
      try {
        jsonb.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, Messages.jsonbCloseFailed(), e);
      }
    }
  }

  /**
   * The application's adapter: a {@link SocketAdapter} bean it produces, else the one named by
   * {@code aquilia.sockets.adapter}, else the in-memory one. Created once per application; the
   * runtime closes it at undeployment.
   */
  private SocketAdapter adapter(BeanManager bm, ClassLoader loader) {
    Set<Bean<?>> beans = bm.getBeans(SocketAdapter.class);
    if (beans.size() > 1) {
      throw new IllegalStateException(Messages.ambiguousAdapterBeans(beans.size()));
    }
    if (beans.size() == 1) {
      Bean<?> bean = beans.iterator().next();
      CreationalContext<?> cc = bm.createCreationalContext(bean);
      contexts.add(cc);
      SocketAdapter a = (SocketAdapter) bm.getReference(bean, SocketAdapter.class, cc);
      LOG.info(Messages.adapterSelected(bean.getBeanClass().getName(), "CDI bean"));
      return a;
    }
    ClassLoader app = loader == null ? Thread.currentThread().getContextClassLoader() : loader;
    Settings settings = Settings.of(app);
    Optional<SocketAdapter> configured = AdapterSelection.create(app, settings);
    String name = AdapterSelection.name(settings);
    LOG.info(Messages.adapterSelected(name, AdapterSelection.KEY));
    return configured.orElseGet(InMemoryAdapter::new);
  }

  private Object reference(BeanManager bm, Bean<?> bean) {
    CreationalContext<?> cc = bm.createCreationalContext(bean);
    contexts.add(cc);
    return bm.getReference(bean, bean.getBeanClass(), cc);
  }

  /**
   * The container's validator: one taken from its {@link ValidatorFactory} bean (constraint
   * validators are still CDI beans), not the {@link Validator} bean, whose client proxy looks the
   * instance up on every call (a fifth of the validation's cost in the echo benchmark).
   */
  private static Validator validator() {
    try {
      return PayloadValidators.from(CDI.current().select(ValidatorFactory.class).get());
    } catch (RuntimeException notAFactoryBean) {
      // fall through to the Validator bean
    }
    try {
      return CDI.current().select(Validator.class).get();
    } catch (RuntimeException e) {
      try {
        return PayloadValidators.from(Validation.buildDefaultValidatorFactory());
      } catch (RuntimeException e2) {
        LOG.warning(Messages.noBeanValidation());
        return null;
      }
    }
  }
}
