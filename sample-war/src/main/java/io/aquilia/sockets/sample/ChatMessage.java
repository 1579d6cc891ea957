package io.aquilia.sockets.sample;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The payload of {@code message.send}: {@code {"room": "lobby", "text": "..."}}. A blank or too
 * long text is answered with {@code WS_MESSAGE_INVALID} and a violation on {@code text}.
 *
 * @param room a room the sender is in
 * @param text the message text, 1 to 500 characters
 */
public record ChatMessage(@NotBlank String room, @NotBlank @Size(max = 500) String text) {}
