package io.aquilia.sockets.mp;

import io.aquilia.sockets.runtime.LiveSocket;
import io.aquilia.sockets.runtime.Messages;
import io.aquilia.sockets.runtime.SocketObserver;
import io.aquilia.sockets.runtime.SocketRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes the runtime's events as MicroProfile Metrics (application scope). Loaded only when the
 * server provides MicroProfile Metrics; names are documented in {@code docs/operations.md}. Event
 * tags come only from declared event names, so clients cannot grow the number of series.
 */
public final class MetricsObserver implements SocketObserver {

  private static final Logger LOG = Logger.getLogger(MetricsObserver.class.getName());

  private final MetricRegistry registry;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Key, SampledTimer> timers = new ConcurrentHashMap<>();

  /** Uses this registry. */
  public MetricsObserver(MetricRegistry registry) {
    this.registry = registry;
  }

  /** Registers the gauges of every socket of a runtime. */
  public void registerGauges(SocketRuntime runtime) {
    for (LiveSocket s : runtime.sockets()) {
      Tag socket = new Tag("socket", s.name());
      registry.gauge(
          Metadata.builder()
              .withName("aquilia.sockets.connections.open")
              .withDescription("Open connections")
              .build(),
          s,
          x -> (long) x.connections().size(),
          socket);
      registry.gauge(
          Metadata.builder()
              .withName("aquilia.sockets.outbound.queue.depth")
              .withDescription(
                  "Messages waiting in the outbound queues of the socket's connections")
              .build(),
          s,
          x -> (long) x.queuedMessages(),
          socket);
      gauge(
          s,
          socket,
          "aquilia.sockets.outbound.dropped",
          "Outbound messages dropped by the overflow policy (since deployment)",
          x -> x.stats().droppedMessages());
      gauge(
          s,
          socket,
          "aquilia.sockets.slow.consumers.closed",
          "Connections closed as slow consumers (since deployment)",
          x -> x.stats().slowConsumerCloses());
      gauge(
          s,
          socket,
          "aquilia.sockets.inbound.refused",
          "Inbound messages refused for a full inbound queue (since deployment)",
          x -> x.stats().refusedMessages());
      gauge(
          s,
          socket,
          "aquilia.sockets.rate.limited",
          "Messages refused by the rate limit (since deployment)",
          x -> x.protection().counters().snapshot().rateLimited());
      gauge(
          s,
          socket,
          "aquilia.sockets.handshakes.refused",
          "Upgrades refused by origin, authentication or quota (since deployment)",
          x -> x.protection().counters().snapshot().handshakesRefused());
      gauge(
          s,
          socket,
          "aquilia.sockets.rooms",
          "Rooms with at least one member on this server",
          x -> (long) x.stats().rooms());
      gauge(
          s,
          socket,
          "aquilia.sockets.heartbeat.timeouts",
          "Connections closed (1001) for silence beyond the heartbeat timeout (since deployment)",
          x -> x.stats().heartbeatTimeouts());
      gauge(
          s,
          socket,
          "aquilia.sockets.room.members",
          "Room memberships of this server's connections",
          x -> (long) x.stats().members());
    }
    registerAdapterGauges(runtime);
  }

  /**
   * One gauge per counter the adapter reports ({@code aquilia.sockets.adapter.published}, {@code
   * .received}, {@code .reconnects}, {@code .up}, ...), tagged with the adapter's name. The
   * in-memory adapter reports none.
   */
  private void registerAdapterGauges(SocketRuntime runtime) {
    Tag adapter = new Tag("adapter", runtime.adapterHealth().adapter());
    for (String key : runtime.adapterStats().keySet()) {
      registry.gauge(
          Metadata.builder()
              .withName("aquilia.sockets.adapter." + dotted(key))
              .withDescription("Adapter counter '" + key + "' (see docs/operations.md)")
              .build(),
          runtime,
          r -> r.adapterStats().getOrDefault(key, 0L),
          adapter);
    }
  }

  private void gauge(
      LiveSocket s,
      Tag socket,
      String name,
      String description,
      java.util.function.ToLongFunction<LiveSocket> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        s,
        x -> value.applyAsLong(x),
        socket);
  }

  /** {@code skippedWhileDown} as {@code skipped.while.down}, so exported names stay lower case. */
  static String dotted(String key) {
    StringBuilder b = new StringBuilder(key.length() + 4);
    for (char c : key.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('.').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public void opened(String socket) {
    counter("aquilia.sockets.connections.opened", "Connections opened", socket).inc();
  }

  @Override
  public void closed(String socket, int code, long millis) {
    counter(
            "aquilia.sockets.connections.closed",
            "Connections closed, by close code",
            socket,
            "code",
            Integer.toString(code))
        .inc();
  }

  @Override
  public void received(String socket, String event) {
    counter(
            "aquilia.sockets.messages.received",
            "Inbound messages, by event",
            socket,
            "event",
            event)
        .inc();
  }

  @Override
  public void sent(String socket, int count) {
    counter("aquilia.sockets.messages.sent", "Outbound messages queued", socket).inc(count);
  }

  @Override
  public void failed(String socket, String event, String code) {
    counter(
            "aquilia.sockets.errors",
            "Messages answered with an error, by fault code",
            socket,
            "code",
            code)
        .inc();
  }

  @Override
  public void acknowledged(String socket, String event, long nanos) {
    cached(
            timers,
            new Key("aquilia.sockets.ack.latency", socket, "event", event),
            k ->
                new SampledTimer(
                    registry.timer(
                            Metadata.builder()
                                .withName("aquilia.sockets.ack.latency")
                                .withDescription(
                                    "Time from message arrival to its acknowledgement, by event"
                                        + " (every one up to 1,000/s, a sample above)")
                                .build(),
                            new Tag("socket", socket),
                            new Tag("event", event))
                        ::update,
                    System::nanoTime))
        .update(nanos);
  }

  /**
   * The value for {@code key}, made once. It reads first: {@code computeIfAbsent} locks the bin of
   * a key that is not the bin's first node on every call (JDK 17), which the fan-out profile showed
   * on each broadcast.
   */
  private static <V> V cached(Map<Key, V> map, Key key, Function<Key, V> create) {
    V v = map.get(key);
    return v != null ? v : map.computeIfAbsent(key, create);
  }

  /**
   * A counter's identity: its name, socket and at most one more tag. Built from strings the runtime
   * keeps (socket names, declared event tags), whose hash codes are cached.
   */
  private record Key(String name, String socket, String tag, String value) {}

  private Counter counter(String name, String description, String socket) {
    return counter(name, description, socket, null, null);
  }

  private Counter counter(
      String name, String description, String socket, String tag, String value) {
    return cached(
        counters,
        new Key(name, socket, tag, value),
        k -> create(name, description, socket, tag, value));
  }

  private Counter create(String name, String description, String socket, String tag, String value) {
    Tag[] tags =
        tag == null
            ? new Tag[] {new Tag("socket", socket)}
            : new Tag[] {new Tag("socket", socket), new Tag(tag, value)};
    try {
      return registry.counter(
          Metadata.builder().withName(name).withDescription(description).build(), tags);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, Messages.metricNotRegistered(name), e);
      throw e;
    }
  }
}
