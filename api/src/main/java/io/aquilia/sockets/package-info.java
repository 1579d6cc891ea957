/**
 * Aquilia Sockets: realtime WebSocket controllers for Jakarta EE.
 *
 * <p>Write a class annotated with {@link io.aquilia.sockets.Socket} that extends {@link
 * io.aquilia.sockets.SocketController}, declare handlers with {@link io.aquilia.sockets.Event} and
 * friends, and deploy it in a WAR together with the extension jar. The wire protocol is described
 * in {@code docs/protocol.md}.
 */
package io.aquilia.sockets;
