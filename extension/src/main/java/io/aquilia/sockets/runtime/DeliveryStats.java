package io.aquilia.sockets.runtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * The delivery counters of one socket, shared by its connections.
 *
 * @param dropped outbound messages dropped by the overflow policy
 * @param slowConsumerCloses connections closed as slow consumers
 * @param refused inbound messages refused for a full inbound queue
 * @param heartbeatTimeouts connections closed because nothing arrived within the heartbeat interval
 *     plus timeout
 */
record DeliveryStats(
    LongAdder dropped,
    LongAdder slowConsumerCloses,
    LongAdder refused,
    LongAdder heartbeatTimeouts) {

  DeliveryStats() {
    this(new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder());
  }
}
