package io.aquilia.sockets;

/**
 * How the inbound messages of one connection are scheduled ({@link Socket#inboundProcessing()}).
 */
public enum InboundProcessing {
  /**
   * One at a time, in arrival order. A handler returning a {@code CompletionStage} holds back the
   * next message of the connection until the stage completes; no container thread waits meanwhile.
   * Streaming replies do not hold it back.
   */
  SERIAL,
  /**
   * As they arrive: the next message is handled while an asynchronous handler of the same
   * connection is still running, so acknowledgements may come back in any order.
   */
  CONCURRENT
}
