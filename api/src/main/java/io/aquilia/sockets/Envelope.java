package io.aquilia.sockets;

import java.util.Map;

/**
 * The Aquilia wire envelope: {@code {"id", "type", "event", "payload", "meta", "ack"}}, always
 * written in that key order.
 *
 * <p>On inbound envelopes {@code id} and {@code payload} are the JSON values as received ({@code
 * jakarta.json.JsonValue}); {@code data} is accepted as a synonym of {@code payload}. On outbound
 * envelopes they are any JSON-B-mappable values. See {@code docs/protocol.md}.
 *
 * @param id correlation id, or {@code null}
 * @param type the message type
 * @param event the event name
 * @param payload the payload, or {@code null}
 * @param meta metadata; the server adds {@code ts} (Unix seconds) to outbound envelopes
 * @param ack whether the sender asks for an acknowledgement
 */
public record Envelope(
    Object id,
    MessageType type,
    String event,
    Object payload,
    Map<String, Object> meta,
    boolean ack) {

  /** Copies {@code meta}; a {@code null} type means {@link MessageType#EVENT}. */
  public Envelope {
    type = type == null ? MessageType.EVENT : type;
    meta = meta == null ? Map.of() : Map.copyOf(meta);
  }

  /** An {@code event} envelope with no id. */
  public static Envelope event(String event, Object payload) {
    return new Envelope(null, MessageType.EVENT, event, payload, Map.of(), false);
  }
}
