package io.aquilia.sockets.sample;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The payload of {@code message.send}: {@code {"text": "..."}}. A blank or too long text is
 * answered with {@code WS_MESSAGE_INVALID} and a violation on {@code text}.
 *
 * @param text the message text, 1 to 500 characters
 */
public record ChatMessage(@NotBlank @Size(max = 500) String text) {}
