package io.aquilia.sockets.runtime;

import io.aquilia.sockets.spi.NamespaceRegistry;
import io.aquilia.sockets.spi.SocketAdapter;
import jakarta.json.bind.Jsonb;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The sockets of one application: created at deployment from validated models, closed at
 * undeployment. Contains no CDI: the container glue supplies controller instances.
 */
public final class SocketRuntime implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SocketRuntime.class.getName());

  private final List<LiveSocket> sockets = new ArrayList<>();
  private final Map<String, LiveSocket> byNamespace = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private volatile boolean running = true;
  private final SocketAdapter adapter;
  private final ExecutorService ownStreams;
  private final RuntimeAdmin admin;

  /**
   * A runtime with the in-memory adapter and its own pool for streaming replies.
   *
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
    this(models, controllers, jsonb, validator, clock, heartbeats, new InMemoryAdapter(), null);
  }

  /**
   * @param models validated controller models
   * @param controllers supplies the controller instance of a model
   * @param jsonb JSON-B for payloads
   * @param validator Bean Validation, or null
   * @param clock time source
   * @param heartbeats whether to schedule heartbeats (tests drive {@link #heartbeat()} themselves)
   * @param adapter the membership, presence and fan-out backplane; closed with the runtime
   * @param streams where the items of {@code Stream} replies are pulled; null for a small pool of
   *     the runtime's own
   */
  public SocketRuntime(
      List<ControllerModel> models,
      Function<ControllerModel, Object> controllers,
      Jsonb jsonb,
      Validator validator,
      Clock clock,
      boolean heartbeats,
      SocketAdapter adapter,
      Executor streams) {
    this(
        models,
        controllers,
        Components.NONE,
        jsonb,
        validator,
        clock,
        heartbeats,
        adapter,
        streams);
  }

  /**
   * A runtime with the in-memory adapter and application components.
   *
   * @param components guard and middleware instances, global middleware, the token authenticator
   */
  public SocketRuntime(
      List<ControllerModel> models,
      Function<ControllerModel, Object> controllers,
      Components components,
      Jsonb jsonb,
      Validator validator,
      Clock clock,
      boolean heartbeats) {
    this(
        models,
        controllers,
        components,
        jsonb,
        validator,
        clock,
        heartbeats,
        new InMemoryAdapter(),
        null);
  }

  /**
   * @param models validated controller models
   * @param controllers supplies the controller instance of a model
   * @param components guard and middleware instances, global middleware, the token authenticator
   * @param jsonb JSON-B for payloads
   * @param validator Bean Validation, or null
   * @param clock time source
   * @param heartbeats whether to schedule heartbeats (tests drive {@link #heartbeat()} themselves)
   * @param adapter the membership, presence and fan-out backplane; closed with the runtime
   * @param streams where the items of {@code Stream} replies are pulled; null for a small pool of
   *     the runtime's own
   */
  public SocketRuntime(
      List<ControllerModel> models,
      Function<ControllerModel, Object> controllers,
      Components components,
      Jsonb jsonb,
      Validator validator,
      Clock clock,
      boolean heartbeats,
      SocketAdapter adapter,
      Executor streams) {
    this.adapter = adapter;
    this.ownStreams = streams == null ? streamPool() : null;
    Executor pulls = streams == null ? ownStreams : streams;
    EnvelopeCodec codec = new EnvelopeCodec(jsonb, clock);
    PayloadBinder binder = new PayloadBinder(jsonb, validator);
    for (ControllerModel m : models) {
      LiveSocket s =
          new LiveSocket(m, controllers.apply(m), codec, binder, clock, adapter, pulls, components);
      sockets.add(s);
      byNamespace.put(s.name(), s);
      NamespaceRegistry.register(m.type(), s);
      LOG.info(Messages.socketSummary(m.summary()));
    }
    this.admin = new RuntimeAdmin(byNamespace::get, sockets, adapter);
    startAdapter();
    this.scheduler = heartbeats ? startHeartbeats() : null;
  }

  private void startAdapter() {
    try {
      adapter
          .start(new RuntimeDelivery())
          .whenComplete(
              (r, failure) -> {
                if (failure != null) {
                  LOG.warning(Messages.adapterStartFailed(adapter.getClass().getName(), failure));
                }
              });
    } catch (RuntimeException e) {
      LOG.warning(Messages.adapterStartFailed(adapter.getClass().getName(), e));
    }
  }

  /**
   * Daemon threads that pull the items of {@code Stream} replies, with the deploying thread's
   * context class loader (the application's).
   */
  private static ExecutorService streamPool() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread t = new Thread(r, "aquilia-sockets-stream-" + n.incrementAndGet());
          t.setDaemon(true);
          t.setContextClassLoader(loader);
          return t;
        });
  }

  /** What other instances send this one through the adapter. */
  private final class RuntimeDelivery implements SocketAdapter.Delivery {

    @Override
    public void deliver(String namespace, String room, String text, String exclude) {
      LiveSocket s = byNamespace.get(namespace);
      if (s != null) {
        s.deliver(room, text, exclude);
      }
    }

    @Override
    public void presence(String namespace, String room, SocketAdapter.Change change) {
      LiveSocket s = byNamespace.get(namespace);
      if (s != null) {
        s.roomIndex().announce(room, change);
      }
    }

    @Override
    public boolean kick(String connectionId, int code, String reason) {
      for (LiveSocket s : sockets) {
        if (s.kick(connectionId, code, reason)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void purge(String namespace, String room, String reason) {
      LiveSocket s = byNamespace.get(namespace);
      if (s != null) {
        s.purge(room, reason);
      }
    }
  }

  /**
   * The administrative actions (broadcast, purge, kick), cluster-wide when the adapter is; the
   * container glue publishes it as the servlet context attribute {@code
   * io.aquilia.sockets.SocketAdmin}.
   */
  public io.aquilia.sockets.SocketAdmin admin() {
    return admin;
  }

  /** The adapter's counters (published, received, dropped, ...), empty for the in-memory one. */
  public Map<String, Long> adapterStats() {
    return adapter.stats();
  }

  /** The deployed sockets. */
  public List<LiveSocket> sockets() {
    return List.copyOf(sockets);
  }

  /**
   * The socket whose path template matches a request path (relative to the context root), the one
   * with the fewest parameters when several match, as the container does.
   */
  public java.util.Optional<LiveSocket> socketFor(String path) {
    LiveSocket best = null;
    for (LiveSocket s : sockets) {
      PathTemplate t = s.model().path();
      if (matches(t, path)
          && (best == null || t.paramNames().size() < best.model().path().paramNames().size())) {
        best = s;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  private static boolean matches(PathTemplate t, String path) {
    if (path == null || path.isEmpty()) {
      return false;
    }
    String[] want = t.template().split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith(":") ? got[i].isEmpty() : !want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
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

  /**
   * Closes every connection with 1001 (running their {@code @OnDisconnect} and leaving their
   * rooms), unregisters the sockets, stops the stream pool and closes the adapter.
   */
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
    if (ownStreams != null) {
      ownStreams.shutdownNow();
    }
    try {
      adapter.close();
    } catch (RuntimeException e) {
      LOG.warning(Messages.adapterFailed("close", "*", null, e));
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

  /** The adapter's health, as the adapter reports it. */
  public AdapterHealth adapterHealth() {
    java.util.Optional<String> problem;
    try {
      problem = adapter.problem();
    } catch (RuntimeException e) {
      problem = java.util.Optional.of("health check failed: " + e.getClass().getSimpleName());
    }
    return new AdapterHealth(adapter.name(), problem.isEmpty(), problem.orElse(""));
  }
}
