package io.aquilia.sockets.jakarta;

import io.aquilia.sockets.runtime.Frame;
import io.aquilia.sockets.runtime.LiveSocket;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;

/**
 * Decodes inbound text into a {@link Frame}. It never fails: a malformed message becomes a {@link
 * Frame.Malformed} that the runtime answers, so the connection stays usable.
 */
public final class EnvelopeDecoder implements Decoder.Text<Frame> {

  private LiveSocket socket;

  @Override
  public void init(EndpointConfig config) {
    socket = (LiveSocket) config.getUserProperties().get(Keys.SOCKET);
  }

  @Override
  public Frame decode(String s) {
    return socket.codec().decode(s, socket.model().limits().maxMessageSize());
  }

  @Override
  public boolean willDecode(String s) {
    return true;
  }
}
