package io.aquilia.sockets.runtime;

import java.util.function.Consumer;

/**
 * The runtime's view of a WebSocket session. The runtime never has more than one write in flight
 * per transport, as Jakarta WebSocket containers reject overlapping writes.
 */
public interface Transport {

  /**
   * Starts writing a text frame; {@code done} receives null on success or the failure. It may run
   * on the calling thread.
   */
  void sendText(String text, Consumer<Throwable> done);

  /** Sends a ping frame (blocking briefly is acceptable: called from the write chain only). */
  void sendPing();

  /** Sends a close frame and ends the session. */
  void close(int code, String reason);
}
