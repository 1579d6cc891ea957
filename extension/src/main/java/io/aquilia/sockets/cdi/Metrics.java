package io.aquilia.sockets.cdi;

import io.aquilia.sockets.runtime.LiveSocket;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.runtime.SocketRuntime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connects the runtime to MicroProfile Metrics when the server provides it; otherwise does nothing.
 * The MicroProfile types are touched only through {@code io.aquilia.sockets.mp.MetricsObserver},
 * which is loaded only when they exist.
 */
final class Metrics {

  private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

  private Metrics() {}

  static void install(SocketRuntime runtime) {
    if (!OptionalApis.present("org.eclipse.microprofile.metrics.MetricRegistry")) {
      return;
    }
    try {
      Bridge.install(runtime);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, Messages.metricsUnusable(), e);
    }
  }

  /** Separate class so that its MicroProfile references resolve only when called. */
  private static final class Bridge {
    static void install(SocketRuntime runtime) {
      // the registry first: nothing is installed unless it resolves
      org.eclipse.microprofile.metrics.MetricRegistry registry =
          jakarta
              .enterprise
              .inject
              .spi
              .CDI
              .current()
              .select(io.aquilia.sockets.mp.MetricsHolder.class)
              .get()
              .registry();
      if (registry == null) {
        LOG.warning(Messages.noMetricsRegistry());
        return;
      }
      io.aquilia.sockets.mp.MetricsObserver observer =
          new io.aquilia.sockets.mp.MetricsObserver(registry);
      observer.registerGauges(runtime);
      for (LiveSocket s : runtime.sockets()) {
        s.observe(observer);
      }
    }
  }
}
