package io.aquilia.sockets.tck.rooms;

import io.aquilia.sockets.OverflowPolicy;
import io.aquilia.sockets.Socket;

/** A small outbound queue that drops the oldest message when full. */
@Socket(
    value = "/ws/drop/:room",
    joinPathRoom = "room",
    outboundQueueSize = 16,
    overflowPolicy = OverflowPolicy.DROP_OLDEST)
public class DropSocket extends FloodSocket {}
