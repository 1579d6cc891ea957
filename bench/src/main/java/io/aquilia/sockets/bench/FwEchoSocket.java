package io.aquilia.sockets.bench;

import io.aquilia.sockets.Event;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.bench.Payloads.EchoIn;
import io.aquilia.sockets.bench.Payloads.EchoOut;
import jakarta.validation.Valid;

/** Framework side of echo-ack and idle: a validated, acknowledged event. */
@Socket(value = "/fw/echo", allowedOrigins = "*")
public class FwEchoSocket extends SocketController {

  /** Answers with the sequence number and text received. */
  @Event(value = "echo", ack = true)
  public EchoOut echo(@Valid EchoIn in) {
    return new EchoOut(in.seq(), in.text());
  }
}
