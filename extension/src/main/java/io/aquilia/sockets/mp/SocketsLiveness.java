package io.aquilia.sockets.mp;

import io.aquilia.sockets.runtime.SocketRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the sockets runtime: UP while the runtime of this application is running (its
 * endpoints are registered and it has not been closed). Added only when MicroProfile Health exists.
 */
@Liveness
@ApplicationScoped
public class SocketsLiveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    SocketRuntime runtime = RuntimeHolder.current();
    return HealthCheckResponse.named("aquilia-sockets")
        .status(runtime != null && runtime.isRunning())
        .withData("sockets", runtime == null ? 0 : runtime.sockets().size())
        .withData("connections", runtime == null ? 0 : runtime.connectionCount())
        .build();
  }
}
