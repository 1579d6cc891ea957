package io.aquilia.sockets.runtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * The delivery counters of one socket, shared by its connections.
 *
 * @param dropped outbound messages dropped by the overflow policy
 * @param slowConsumerCloses connections closed as slow consumers
 * @param refused inbound messages refused for a full inbound queue
 */
record DeliveryStats(LongAdder dropped, LongAdder slowConsumerCloses, LongAdder refused) {

  DeliveryStats() {
    this(new LongAdder(), new LongAdder(), new LongAdder());
  }
}
