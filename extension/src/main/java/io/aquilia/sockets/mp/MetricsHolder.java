package io.aquilia.sockets.mp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gives the runtime the application's {@link MetricRegistry} through a real injection point (the
 * servers' registry producers need one). Added as a bean only when MicroProfile Metrics exists.
 */
@ApplicationScoped
public class MetricsHolder {

  @Inject MetricRegistry registry;

  /** The application-scope registry. */
  public MetricRegistry registry() {
    return registry;
  }
}
