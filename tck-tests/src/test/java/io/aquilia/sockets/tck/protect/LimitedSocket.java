package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.RateLimitExempt;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** A rate limit of 50 per second (burst 50), closing after 200 rate-limited messages. */
@Socket(value = "/ws/flood", messageRateLimit = 50, rateLimitCloseAfter = 200)
public class LimitedSocket extends SocketController {

  /** Counts against the limit. */
  @AckEvent("hit")
  public String hit() {
    return "ok";
  }

  /** Never limited. */
  @AckEvent("status")
  @RateLimitExempt
  public String status() {
    return "alive";
  }
}
