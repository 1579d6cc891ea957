package io.aquilia.sockets;

/**
 * What a connection does when its bounded outbound queue is full. Every drop and every close is
 * counted and logged at WARN with the connection id.
 */
public enum OverflowPolicy {
  /** Discard the oldest queued message to make room for the new one. */
  DROP_OLDEST,
  /** Discard the new message. */
  DROP_NEWEST,
  /** Close the slow connection with {@link CloseStatus#SLOW_CONSUMER} ({@code 4008}). */
  CLOSE
}
