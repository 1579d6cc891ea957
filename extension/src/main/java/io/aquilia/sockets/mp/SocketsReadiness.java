package io.aquilia.sockets.mp;

import io.aquilia.sockets.runtime.SocketRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the sockets runtime: UP when the runtime is running and its adapter reports itself
 * healthy; a degraded adapter (e.g. Redis unreachable) makes this check DOWN with the adapter's
 * reason, without affecting liveness. Added only when MicroProfile Health exists.
 */
@Readiness
@ApplicationScoped
public class SocketsReadiness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    SocketRuntime runtime = RuntimeHolder.current();
    HealthCheckResponseBuilder b = HealthCheckResponse.named("aquilia-sockets-adapter");
    if (runtime == null || !runtime.isRunning()) {
      return b.down().withData("reason", "sockets runtime not running").build();
    }
    SocketRuntime.AdapterHealth h = runtime.adapterHealth();
    b.status(h.up()).withData("adapter", h.adapter());
    if (!h.up()) {
      b.withData("reason", h.reason());
    }
    return b.build();
  }
}
