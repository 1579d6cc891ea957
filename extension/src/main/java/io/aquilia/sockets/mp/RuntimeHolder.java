package io.aquilia.sockets.mp;

import io.aquilia.sockets.runtime.SocketRuntime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running {@link SocketRuntime} of this application, for the health checks. Static, and so per
 * application, because the extension jar lives in {@code WEB-INF/lib}.
 */
public final class RuntimeHolder {

  private static final AtomicReference<SocketRuntime> CURRENT = new AtomicReference<>();

  private RuntimeHolder() {}

  /** Records the running runtime, or null when it stops. */
  public static void set(SocketRuntime runtime) {
    CURRENT.set(runtime);
  }

  /** The running runtime, or null. */
  public static SocketRuntime current() {
    return CURRENT.get();
  }
}
