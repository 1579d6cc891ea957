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

  private void guard(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      if (reported.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, Messages.observerFailed(), e);
      }
    }
  }

  @Override
  public void opened(String socket) {
    guard(() -> delegate.opened(socket));
  }

  @Override
  public void closed(String socket, int code, long millis) {
    guard(() -> delegate.closed(socket, code, millis));
  }

  @Override
  public void received(String socket, String event) {
    guard(() -> delegate.received(socket, event));
  }

  @Override
  public void sent(String socket, int count) {
    guard(() -> delegate.sent(socket, count));
  }

  @Override
  public void failed(String socket, String event, String code) {
    guard(() -> delegate.failed(socket, event, code));
  }

  @Override
  public void acknowledged(String socket, String event, long nanos) {
    guard(() -> delegate.acknowledged(socket, event, nanos));
  }
}
