package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes Aquilia envelopes. Reading never throws: every input becomes a {@link Frame}.
 * Writing always produces the six keys in order {@code id, type, event, payload, meta, ack}.
 */
public final class EnvelopeCodec {

  private final Jsonb jsonb;
  private final JsonProvider json;
  private final Clock clock;
  private final StrictJsonReader strict;

  /** A codec using this JSON-B instance for payloads. */
  public EnvelopeCodec(Jsonb jsonb, Clock clock) {
    this.jsonb = jsonb;
    this.json = JsonProvider.provider();
    this.strict = new StrictJsonReader(json);
    this.clock = clock;
  }

  /** The JSON-B instance used for payloads. */
  public Jsonb jsonb() {
    return jsonb;
  }

  /**
   * Decodes one text frame.
   *
   * @param text the frame
   * @param maxBytes the socket's maximum message size in UTF-8 bytes
   */
  public Frame decode(String text, int maxBytes) {
    int size = utf8Length(text, maxBytes);
    if (size > maxBytes) {
      return new Frame.Malformed(null, null, tooLarge(size, maxBytes));
    }
    if (text.isEmpty()) {
      return new Frame.Malformed(null, null, SocketFault.invalid("empty message"));
    }
    JsonValue value;
    try {
      value = strict.read(text);
    } catch (StrictJsonReader.Rejected r) {
      return new Frame.Malformed(null, null, SocketFault.invalid(r.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      // JsonException, NumberFormatException and other parser failures
      return new Frame.Malformed(null, null, SocketFault.invalid("malformed JSON"));
    }
    if (!(value instanceof JsonObject obj)) {
      return new Frame.Malformed(
          null, null, SocketFault.invalid("a message must be a JSON object"));
    }
    return envelope(obj);
  }

  private Frame envelope(JsonObject obj) {
    JsonValue rawId = obj.get("id");
    Object id = null;
    if (rawId instanceof JsonString || rawId instanceof JsonNumber) {
      id = rawId;
    } else if (rawId != null && rawId != JsonValue.NULL) {
      return new Frame.Malformed(
          null, null, SocketFault.invalid("'id' must be a string or a number"));
    }
    JsonValue rawEvent = obj.get("event");
    String event = rawEvent instanceof JsonString s ? s.getString() : null;
    if (event == null || event.isBlank()) {
      return new Frame.Malformed(
          id, null, SocketFault.invalid("'event' must be a non-empty string"));
    }
    JsonValue rawType = obj.get("type");
    MessageType type = MessageType.EVENT;
    if (rawType != null && rawType != JsonValue.NULL) {
      Optional<MessageType> t =
          rawType instanceof JsonString s ? MessageType.fromWire(s.getString()) : Optional.empty();
      if (t.isEmpty()) {
        return new Frame.Malformed(
            id, event, SocketFault.invalid("'type' must be one of event, ack, system, control"));
      }
      type = t.get();
    }
    JsonValue payload = obj.containsKey("payload") ? obj.get("payload") : obj.get("data");
    JsonValue rawMeta = obj.get("meta");
    Map<String, Object> meta = Map.of();
    if (rawMeta instanceof JsonObject m) {
      meta = new LinkedHashMap<>(m);
    } else if (rawMeta != null && rawMeta != JsonValue.NULL) {
      return new Frame.Malformed(id, event, SocketFault.invalid("'meta' must be an object"));
    }
    JsonValue rawAck = obj.get("ack");
    if (rawAck != null
        && rawAck != JsonValue.TRUE
        && rawAck != JsonValue.FALSE
        && rawAck != JsonValue.NULL) {
      return new Frame.Malformed(id, event, SocketFault.invalid("'ack' must be a boolean"));
    }
    return new Frame.Message(
        new Envelope(id, type, event, payload, meta, rawAck == JsonValue.TRUE));
  }

  /** Encodes an envelope. The payload goes through JSON-B; the server adds {@code meta.ts}. */
  public String encode(Envelope e) {
    return write(
        e.id(), e.type().wireName(), e.event(), payloadJson(e.payload()), e.meta(), e.ack());
  }

  /** A success acknowledgement: {@code payload = {"status":"ok","data":<result>}}. */
  public String ackOk(Object id, String event, Object result) {
    return write(
        id,
        "ack",
        event,
        "{\"status\":\"ok\",\"data\":" + payloadJson(result) + "}",
        Map.of(),
        false);
  }

  /**
   * An error acknowledgement: {@code payload = {"status":"error","code","message","violations"}}.
   */
  public String ackError(Object id, String event, SocketFault fault) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("status", "error");
    p.put("code", fault.code());
    p.put("message", fault.getMessage());
    p.put("violations", fault.violations());
    return write(id, "ack", event, jsonb.toJson(p), Map.of(), false);
  }

  /** An {@code error} event for a failed message without an id. */
  public String errorEvent(String event, SocketFault fault) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", fault.code());
    p.put("message", fault.getMessage());
    p.put("event", event);
    if (!fault.violations().isEmpty()) {
      p.put("violations", fault.violations());
    }
    return write(null, "event", "error", jsonb.toJson(p), Map.of(), false);
  }

  /** A message of type {@code system} or {@code control}. */
  public String control(MessageType type, String event, Object id, Object payload) {
    return write(id, type.wireName(), event, payloadJson(payload), Map.of(), false);
  }

  private String payloadJson(Object payload) {
    if (payload == null) {
      return "null";
    }
    String out = payload instanceof JsonValue v ? v.toString() : jsonb.toJson(payload);
    return escapeSeparators(out);
  }

  /**
   * Escapes raw U+2028 and U+2029, which JSON writers leave as they are, as {@link Json#quote}
   * does. Outside strings they cannot occur in JSON text, so a plain replacement is safe.
   */
  private static String escapeSeparators(String s) {
    if (s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0) {
      return s;
    }
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private String write(
      Object id,
      String type,
      String event,
      String payloadJson,
      Map<String, Object> meta,
      boolean ack) {
    StringBuilder sb = new StringBuilder(64 + payloadJson.length());
    sb.append("{\"id\":");
    writeId(sb, id);
    sb.append(",\"type\":");
    Json.quote(sb, type);
    sb.append(",\"event\":");
    Json.quote(sb, event);
    sb.append(",\"payload\":").append(payloadJson);
    sb.append(",\"meta\":{\"ts\":").append(clock.millis() / 1000);
    for (Map.Entry<String, Object> m : meta.entrySet()) {
      if (!"ts".equals(m.getKey())) {
        sb.append(',');
        Json.quote(sb, m.getKey());
        sb.append(':').append(payloadJson(m.getValue()));
      }
    }
    sb.append("},\"ack\":").append(ack).append('}');
    return sb.toString();
  }

  private void writeId(StringBuilder sb, Object id) {
    if (id == null) {
      sb.append("null");
    } else if (id instanceof JsonValue v) {
      sb.append(v.toString());
    } else if (id instanceof CharSequence s) {
      Json.quote(sb, s.toString());
    } else {
      sb.append(jsonb.toJson(id));
    }
  }

  static SocketFault tooLarge(long size, int limit) {
    FaultCode c = FaultCode.WS_PAYLOAD_TOO_LARGE;
    return new SocketFault(
        c.name(),
        c.defaultMessage() + ": " + size + " bytes (limit: " + limit + ")",
        c.closeCode(),
        List.<Violation>of());
  }

  /** The UTF-8 length of {@code s}, computed exactly only when it might exceed {@code limit}. */
  static int utf8Length(String s, int limit) {
    if ((long) s.length() * 3 <= limit) {
      return s.length();
    }
    if (s.length() > limit) {
      return s.length();
    }
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
