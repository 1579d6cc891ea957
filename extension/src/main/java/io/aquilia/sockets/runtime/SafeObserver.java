package io.aquilia.sockets.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Contains an observer's failures: the first is logged, none reaches the message path. */
final class SafeObserver implements SocketObserver {

  /** The tag of events that are neither declared nor built in. */
  static final String UNKNOWN = "(unknown)";

  private static final Logger LOG = Logger.getLogger(SafeObserver.class.getName());

  private final SocketObserver delegate;
  private final AtomicBoolean reported = new AtomicBoolean();

  SafeObserver(SocketObserver delegate) {
    this.delegate = delegate;
  }

  // Each method catches for itself: one guard(Runnable) shared by six lambdas was a megamorphic
  // call on every message, which kept the JIT from inlining the delegate (echo benchmark profile).
  private void report(RuntimeException e) {
    if (reported.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, Messages.observerFailed(), e);
    }
  }

  @Override
  public void opened(String socket) {
    try {
      delegate.opened(socket);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  @Override
  public void closed(String socket, int code, long millis) {
    try {
      delegate.closed(socket, code, millis);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  @Override
  public void received(String socket, String event) {
    try {
      delegate.received(socket, event);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  @Override
  public void sent(String socket, int count) {
    try {
      delegate.sent(socket, count);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  @Override
  public void failed(String socket, String event, String code) {
    try {
      delegate.failed(socket, event, code);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  @Override
  public void acknowledged(String socket, String event, long nanos) {
    try {
      delegate.acknowledged(socket, event, nanos);
    } catch (RuntimeException e) {
      report(e);
    }
  }
}
