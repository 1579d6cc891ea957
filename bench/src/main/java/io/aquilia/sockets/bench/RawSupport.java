package io.aquilia.sockets.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the baseline endpoints do by hand: parse the envelope with JSON-P, bind the payload with
 * JSON-B, validate it with Bean Validation and write the same envelopes as the framework, with the
 * keys in the same order.
 */
final class RawSupport {

  static final Jsonb JSONB = JsonbBuilder.create();
  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private RawSupport() {}

  /** A parsed inbound envelope, or null when the text is not a JSON object with an event. */
  record In(JsonValue id, String event, JsonValue payload) {}

  static In parse(String text) {
    JsonObject o;
    try (JsonReader r = READERS.createReader(new StringReader(text))) {
      o = r.readObject();
    } catch (RuntimeException e) {
      return null;
    }
    JsonValue event = o.get("event");
    if (!(event instanceof JsonString s)) {
      return null;
    }
    return new In(o.get("id"), s.getString(), o.get("payload"));
  }

  /**
   * Binds and validates a payload.
   *
   * @return the value, or null after answering the failure on {@code out}
   */
  static <T> T bind(In in, Class<T> type, RawOutbox out) {
    T value;
    try {
      value = JSONB.fromJson(in.payload().toString(), type);
    } catch (RuntimeException e) {
      out.send(ackError(in, "payload does not match " + type.getSimpleName(), Set.of()));
      return null;
    }
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
    if (!violations.isEmpty()) {
      out.send(ackError(in, "validation failed", violations));
      return null;
    }
    return value;
  }

  static String ackOk(In in, Object data) {
    return envelope(
        in.id() == null ? "null" : in.id().toString(),
        "ack",
        in.event(),
        "{\"status\":\"ok\",\"data\":" + JSONB.toJson(data) + "}");
  }

  static <T> String ackError(In in, String message, Set<ConstraintViolation<T>> violations) {
    String list =
        violations.stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(
                v ->
                    JSONB.toJson(
                        Map.of("path", v.getPropertyPath().toString(), "message", v.getMessage())))
            .collect(Collectors.joining(",", "[", "]"));
    return envelope(
        in.id() == null ? "null" : in.id().toString(),
        "ack",
        in.event(),
        "{\"status\":\"error\",\"code\":\"WS_MESSAGE_INVALID\",\"message\":"
            + JSONB.toJson(message)
            + ",\"violations\":"
            + list
            + "}");
  }

  static String event(String event, Object payload) {
    return envelope("null", "event", event, JSONB.toJson(payload));
  }

  static String connected(String namespace) {
    return envelope(
        "null",
        "system",
        "connected",
        "{\"connectionId\":\""
            + UUID.randomUUID()
            + "\",\"namespace\":\""
            + namespace
            + "\",\"events\":[]}");
  }

  private static String envelope(String id, String type, String event, String payload) {
    StringBuilder sb = new StringBuilder(80 + payload.length());
    sb.append("{\"id\":").append(id);
    sb.append(",\"type\":\"").append(type);
    sb.append("\",\"event\":\"").append(event);
    sb.append("\",\"payload\":").append(payload);
    sb.append(",\"meta\":{\"ts\":").append(System.currentTimeMillis() / 1000);
    sb.append("},\"ack\":false}");
    return sb.toString();
  }
}
