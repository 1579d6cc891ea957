package io.aquilia.sockets.runtime;

import io.aquilia.sockets.spi.NamespaceRegistry;
import jakarta.json.bind.Jsonb;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The sockets of one application: created at deployment from validated models, closed at
 * undeployment. Contains no CDI: the container glue supplies controller instances.
 */
public final class SocketRuntime implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SocketRuntime.class.getName());

  private final List<LiveSocket> sockets = new ArrayList<>();
  private final ScheduledExecutorService scheduler;
  private volatile boolean running = true;

  /**
   * @param models validated controller models
   * @param controllers supplies the controller instance of a model
   * @param jsonb JSON-B for payloads
   * @param validator Bean Validation, or null
   * @param clock time source
   * @param heartbeats whether to schedule heartbeats (tests drive {@link #heartbeat()} themselves)
   */
  public SocketRuntime(
      List<ControllerModel> models,
      Function<ControllerModel, Object> controllers,
      Jsonb jsonb,
      Validator validator,
      Clock clock,
      boolean heartbeats) {
    EnvelopeCodec codec = new EnvelopeCodec(jsonb, clock);
    PayloadBinder binder = new PayloadBinder(jsonb, validator);
    for (ControllerModel m : models) {
      LiveSocket s = new LiveSocket(m, controllers.apply(m), codec, binder, clock);
      sockets.add(s);
      NamespaceRegistry.register(m.type(), s);
      LOG.info(Messages.socketSummary(m.summary()));
    }
    this.scheduler = heartbeats ? startHeartbeats() : null;
  }

  /** The deployed sockets. */
  public List<LiveSocket> sockets() {
    return List.copyOf(sockets);
  }

  /** The codec shared by the sockets. */
  public EnvelopeCodec codec() {
    return sockets.isEmpty() ? null : sockets.get(0).codec();
  }

  /** One heartbeat round over every socket. */
  public void heartbeat() {
    sockets.forEach(LiveSocket::heartbeat);
  }

  private ScheduledExecutorService startHeartbeats() {
    int period =
        sockets.stream()
            .mapToInt(s -> s.model().limits().heartbeatIntervalSeconds())
            .filter(i -> i > 0)
            .min()
            .orElse(0);
    if (period == 0) {
      return null;
    }
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "aquilia-sockets-heartbeat");
              t.setDaemon(true);
              return t;
            });
    s.scheduleAtFixedRate(
        () -> {
          for (LiveSocket socket : sockets) {
            if (socket.model().limits().heartbeatIntervalSeconds() > 0) {
              socket.heartbeat();
            }
          }
        },
        period,
        period,
        TimeUnit.SECONDS);
    return s;
  }

  /** Closes every connection with 1001 and unregisters the sockets. */
  @Override
  public void close() {
    running = false;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    int count = sockets.stream().mapToInt(LiveSocket::size).sum();
    if (count > 0) {
      LOG.info(Messages.shutdown(count));
    }
    for (LiveSocket s : sockets) {
      s.shutdown();
      NamespaceRegistry.unregister(s.model().type());
    }
  }

  /** Whether the runtime is serving (not yet closed). */
  public boolean isRunning() {
    return running;
  }

  /** Open connections over every socket. */
  public int connectionCount() {
    return sockets.stream().mapToInt(LiveSocket::size).sum();
  }

  /**
   * The health of the membership/delivery adapter.
   *
   * @param adapter the adapter's name
   * @param up whether it is usable
   * @param reason why not, or empty
   */
  public record AdapterHealth(String adapter, boolean up, String reason) {}

  /** The adapter's health; the in-memory adapter is always up. */
  public AdapterHealth adapterHealth() {
    return new AdapterHealth("in-memory", true, "");
  }
}
