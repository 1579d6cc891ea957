package io.aquilia.sockets.tck.rooms;

import io.aquilia.sockets.OverflowPolicy;
import io.aquilia.sockets.Socket;

/** A small outbound queue that closes a slow consumer with 4008. */
@Socket(
    value = "/ws/close/:room",
    joinPathRoom = "room",
    outboundQueueSize = 16,
    overflowPolicy = OverflowPolicy.CLOSE)
public class CloseSocket extends FloodSocket {}
