/**
 * The sample chat: one socket controller, {@link io.aquilia.sockets.sample.ChatSocket}, served at
 * {@code /chat/ws/chat/<room>} with the page {@code /chat/}.
 */
package io.aquilia.sockets.sample;
