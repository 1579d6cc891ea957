package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.runtime.LiveSocket;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;

/**
 * Encodes outbound envelopes. The runtime itself writes pre-encoded text (a broadcast is encoded
 * once); this encoder serves code that sends an {@link Envelope} through the session directly.
 */
public final class EnvelopeEncoder implements Encoder.Text<Envelope> {

  private LiveSocket socket;

  @Override
  public void init(EndpointConfig config) {
    socket = (LiveSocket) config.getUserProperties().get(Keys.SOCKET);
  }

  @Override
  public String encode(Envelope envelope) {
    return socket.codec().encode(envelope);
  }
}
