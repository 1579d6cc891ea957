package io.aquilia.sockets.runtime;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.SocketMiddleware;
import io.aquilia.sockets.spi.Identity;
import io.aquilia.sockets.spi.TokenAuthenticator;
import java.security.Principal;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that protects one socket, in one place: the door before the upgrade (origin,
 * authentication, connection quotas), the checks as a connection opens (guards, roles, middleware),
 * the per-message rate limit, and the counters. {@link LiveSocket} and {@link Dispatcher} call it
 * at a handful of points.
 */
public final class SocketProtection {

  private static final Logger LOG = Logger.getLogger(SocketProtection.class.getName());

  /** What a connection holds until it closes. */
  private record Held(String user, String ip, boolean middlewareConnected) {}

  private final String path;
  private final Protection settings;
  private final OriginPolicy origins;
  private final Components components;
  private final Clock clock;
  private final SocketCounters counters = new SocketCounters();
  private final ConnectionQuota quota;
  private final RateLimiter rate;
  private final Tickets tickets;
  private final ThrottledLog warnings;
  private final GuardChain guards;
  private final MiddlewareChain middleware;
  private final Set<String> roles;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  SocketProtection(
      ControllerModel model,
      Object controller,
      Components components,
      Clock clock,
      ThrottledLog warnings) {
    this.warnings = warnings;
    this.path = model.path().template();
    this.settings = model.protection();
    this.origins = new OriginPolicy(model.limits().allowedOrigins(), settings.allowMissingOrigin());
    this.components = components;
    this.clock = clock;
    this.quota =
        new ConnectionQuota(
            model.limits().maxConnections(),
            settings.maxConnectionsPerUser(),
            settings.maxConnectionsPerIp());
    this.rate = new RateLimiter(settings.rate(), clock);
    this.tickets = new Tickets(a -> quota.release(a.user(), a.remoteAddress()));
    this.guards = new GuardChain(model, controller, components, counters);
    this.middleware = new MiddlewareChain(model, components, counters);
    this.roles = settings.access().allRoles();
  }

  /** The counters of this socket. */
  public SocketCounters counters() {
    return counters;
  }

  /** The roles the application names, for asking the container about the upgrade request. */
  public Set<String> roles() {
    return roles;
  }

  /** Whether the Origin header (possibly null) is allowed; a refusal is counted and logged. */
  public boolean allowsOrigin(String origin) {
    boolean ok = origins.allows(origin);
    if (!ok) {
      counters.handshakesRefused.increment();
      warnings.warn(LOG, Messages.originRefused(path, String.valueOf(origin)));
    }
    return ok;
  }

  // ---------------------------------------------------------------- the door

  /**
   * Decides on an upgrade request before the upgrade, and on admission keeps a ticket for the
   * connection under the handshake's {@code Sec-WebSocket-Key}. An admission reserves a connection
   * slot; the connection claims it with {@link #claim(String)} when it opens.
   */
  public DoorDecision door(String key, DoorRequest request) {
    tickets.sweep(clock.millis()); // expired tickets give their slots back first
    DoorDecision d = decide(request);
    if (d instanceof DoorDecision.Admitted a && !tickets.put(key, a.admission(), clock.millis())) {
      release(a.admission());
      return refuse(
          429,
          new SocketFault(
              FaultCode.WS_QUOTA_EXCEEDED,
              FaultCode.WS_QUOTA_EXCEEDED.defaultMessage() + ": too many handshakes in progress"),
          Level.FINE);
    }
    return d;
  }

  /** Whether a ticket waits under this handshake key. */
  public boolean hasTicket(String key) {
    return key != null && tickets.claimable(key);
  }

  /** Takes the admission decided for this handshake key before the upgrade, or null. */
  public Admission claim(String key) {
    return tickets.claim(key);
  }

  /**
   * The door for a container that did not pass the upgrade through the servlet filter: the same
   * decision, but a refusal can only close the connection (1008) after the upgrade.
   */
  public Admission decideAfterUpgrade(DoorRequest request) {
    DoorDecision d = decide(request);
    if (d instanceof DoorDecision.Admitted a) {
      return a.admission();
    }
    return new Admission(null, Set.of(), null, false, ((DoorDecision.Refused) d).fault());
  }

  private DoorDecision decide(DoorRequest r) {
    String origin = r.header("Origin");
    if (!origins.allows(origin)) {
      warnings.warn(LOG, Messages.originRefused(path, String.valueOf(origin)));
      return refuse(
          403,
          new SocketFault(
              FaultCode.WS_ORIGIN_NOT_ALLOWED,
              FaultCode.WS_ORIGIN_NOT_ALLOWED.defaultMessage() + ": " + origin),
          null);
    }
    Principal principal;
    Set<String> granted;
    Optional<String> token = Credentials.token(r);
    Optional<TokenAuthenticator> authenticator = components.authenticator();
    if (token.isPresent() && authenticator.isPresent()) {
      Optional<Identity> id;
      try {
        id = authenticator.get().authenticate(token.get(), path);
      } catch (SocketFault f) {
        return refuse(httpStatus(f), f, Level.INFO);
      } catch (RuntimeException | LinkageError e) {
        LOG.log(Level.SEVERE, Messages.authenticatorFailed(path), e);
        return refuse(500, new SocketFault(FaultCode.WS_INTERNAL_ERROR), null);
      }
      if (id == null || id.isEmpty()) {
        return refuse(
            401,
            new SocketFault(
                FaultCode.WS_AUTH_REQUIRED,
                FaultCode.WS_AUTH_REQUIRED.defaultMessage() + ": the token is not valid"),
            Level.INFO);
      }
      principal = id.get().principal();
      granted = id.get().roles();
    } else {
      principal = r.containerPrincipal();
      granted = new HashSet<>();
      if (principal != null) {
        for (String role : roles) {
          if (r.containerRoles().test(role)) {
            granted.add(role);
          }
        }
      }
    }
    if (principal == null && settings.authenticationRequired()) {
      return refuse(
          401,
          new SocketFault(
              FaultCode.WS_AUTH_REQUIRED,
              FaultCode.WS_AUTH_REQUIRED.defaultMessage() + ": no credentials"),
          Level.INFO);
    }
    String user = principal == null ? null : principal.getName();
    String full = quota.tryAcquire(user, r.remoteAddress());
    if (full != null) {
      return refuse(
          429,
          new SocketFault(
              FaultCode.WS_QUOTA_EXCEEDED,
              FaultCode.WS_QUOTA_EXCEEDED.defaultMessage() + ": " + full),
          Level.FINE);
    }
    return new DoorDecision.Admitted(
        new Admission(principal, granted, r.remoteAddress(), true, null));
  }

  private DoorDecision refuse(int status, SocketFault fault, Level level) {
    counters.handshakesRefused.increment();
    if (level != null && LOG.isLoggable(level)) {
      LOG.log(level, Messages.handshakeRefused(path, status, fault.code(), fault.getMessage()));
    }
    return new DoorDecision.Refused(status, fault);
  }

  private static int httpStatus(SocketFault f) {
    for (FaultCode c : FaultCode.values()) {
      if (c.name().equals(f.code())) {
        return c.httpStatus();
      }
    }
    return 403;
  }

  private void release(Admission a) {
    quota.release(a.user(), a.remoteAddress());
  }

  // ---------------------------------------------------------------- opening and closing

  /**
   * Checks a connection as it opens: a refusal decided before the upgrade, the connection quota
   * (when no slot was reserved), connect guards and roles, then middleware {@code onConnect}.
   *
   * @throws SocketFault to refuse (closes with its close code)
   * @throws Throwable a failure of a guard or middleware (closes with 1011)
   */
  void connect(RuntimeConnection conn) throws Throwable {
    Admission a = conn.admission();
    if (a != null && a.refusal() != null) {
      refusedAfterUpgrade(conn, a.refusal());
    }
    String user = conn.principal().map(Principal::getName).orElse(null);
    String ip = a == null ? null : a.remoteAddress();
    if (a == null || !a.reserved()) {
      if (user == null && settings.authenticationRequired()) {
        refusedAfterUpgrade(
            conn,
            new SocketFault(
                FaultCode.WS_AUTH_REQUIRED,
                FaultCode.WS_AUTH_REQUIRED.defaultMessage() + ": no credentials"));
      }
      String full = quota.tryAcquire(user, ip);
      if (full != null) {
        refusedAfterUpgrade(
            conn,
            new SocketFault(
                FaultCode.WS_QUOTA_EXCEEDED,
                FaultCode.WS_QUOTA_EXCEEDED.defaultMessage() + ": " + full));
      }
    }
    held.put(conn.id(), new Held(user, ip, false));
    rate.attach(conn.id(), user);
    guards.check(conn, Guard.Stage.CONNECT, null, null);
    middleware.onConnect(conn);
    held.put(conn.id(), new Held(user, ip, true));
  }

  private void refusedAfterUpgrade(RuntimeConnection conn, SocketFault f) {
    counters.refusedAfterUpgrade.increment();
    LOG.fine(Messages.refusedAfterUpgrade(path, conn.id(), f.code(), f.getMessage()));
    throw f;
  }

  /** The connection ended: releases its slot and bucket, and calls middleware disconnect hooks. */
  void disconnect(RuntimeConnection conn, CloseStatus status) {
    Held h = held.remove(conn.id());
    if (h == null) {
      return;
    }
    quota.release(h.user(), h.ip());
    rate.detach(conn.id(), h.user());
    if (h.middlewareConnected()) {
      middleware.onDisconnect(conn, status);
    }
  }

  // ---------------------------------------------------------------- messages

  /**
   * Counts a frame against the rate limit. A frame over the limit is answered through {@code reply}
   * and not handled; once the violations reach the threshold the connection is closed with 1008
   * after that answer.
   *
   * @return whether the frame may be dispatched
   */
  boolean admit(RuntimeConnection conn, Frame frame, Consumer<SocketFault> reply) {
    String event = null;
    if (frame instanceof Frame.Malformed m) {
      if (FaultCode.WS_PAYLOAD_TOO_LARGE.name().equals(m.fault().code())) {
        counters.oversizedMessages.increment();
      } else {
        counters.invalidMessages.increment();
      }
    } else {
      event = ((Frame.Message) frame).envelope().event();
    }
    if (!rate.counts(event)) {
      return true;
    }
    Held h = held.get(conn.id());
    TokenBucket.Verdict v = rate.take(conn.id(), h == null ? null : h.user());
    if (v == TokenBucket.Verdict.ALLOW) {
      return true;
    }
    counters.rateLimited.increment();
    RatePolicy p = settings.rate();
    FaultCode c = FaultCode.WS_RATE_LIMIT_EXCEEDED;
    reply.accept(
        new SocketFault(
            c,
            c.defaultMessage()
                + ": "
                + p.perSecond()
                + " messages per second (burst "
                + p.burst()
                + ")"));
    if (v == TokenBucket.Verdict.CLOSE) {
      counters.rateLimitCloses.increment();
      warnings.warn(LOG, Messages.rateLimitClosed(conn.id(), path, p.closeAfter()));
      conn.close(new CloseStatus(c.closeCode(), c.defaultMessage()), false);
    }
    return false;
  }

  /** Runs guards (and role checks) of a stage; see {@link GuardChain#check}. */
  void guards(RuntimeConnection conn, Guard.Stage stage, Envelope envelope, String room)
      throws Throwable {
    guards.check(conn, stage, envelope, room);
  }

  /** Runs an event message through the middleware, ending with {@code terminal}. */
  Object onMessage(RuntimeConnection conn, Envelope e, SocketMiddleware.Next terminal)
      throws Exception {
    return middleware.onMessage(conn, e, terminal);
  }

  int buckets() {
    return rate.buckets();
  }

  int openSlots() {
    return quota.open();
  }
}
