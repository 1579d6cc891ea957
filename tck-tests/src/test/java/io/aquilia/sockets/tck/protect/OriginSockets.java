package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;

/** Origin rules for a missing Origin and the opaque origin {@code null}. */
public final class OriginSockets {

  private OriginSockets() {}

  /** One exact origin; no Origin header is refused. */
  @Socket(
      value = "/ws/origin/strict",
      allowedOrigins = "https://app.example.com",
      allowMissingOrigin = false)
  public static class Strict extends SocketController {
    /** Replies pong. */
    @AckEvent("ping.app")
    public String ping() {
      return "pong";
    }
  }

  /** Any origin, including {@code null} when listed. */
  @Socket(
      value = "/ws/origin/any",
      allowedOrigins = {"*"})
  public static class Any extends SocketController {
    /** Replies pong. */
    @AckEvent("ping.app")
    public String ping() {
      return "pong";
    }
  }

  /** Sandboxed pages allowed explicitly. */
  @Socket(
      value = "/ws/origin/sandbox",
      allowedOrigins = {"null", "https://app.example.com"})
  public static class Sandbox extends SocketController {
    /** Replies pong. */
    @AckEvent("ping.app")
    public String ping() {
      return "pong";
    }
  }
}
