package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.FaultCode;
import io.aquilia.sockets.MessageType;
import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.Violation;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeCodecTest {

  static final int MAX = 65536;
  static final Jsonb JSONB = JsonbBuilder.create();
  static final EnvelopeCodec CODEC =
      new EnvelopeCodec(JSONB, new MutableClock(Instant.ofEpochSecond(1_700_000_000L, 999)));

  @AfterAll
  static void closeJsonb() throws Exception {
    JSONB.close();
  }

  static Envelope message(String text) {
    Frame f = CODEC.decode(text, MAX);
    assertThat(f).isInstanceOf(Frame.Message.class);
    return ((Frame.Message) f).envelope();
  }

  static Frame.Malformed malformed(String text) {
    Frame f = CODEC.decode(text, MAX);
    assertThat(f).isInstanceOf(Frame.Malformed.class);
    return (Frame.Malformed) f;
  }

  static Frame.Malformed invalid(String text) {
    Frame.Malformed m = malformed(text);
    assertThat(m.fault().code()).isEqualTo(FaultCode.WS_MESSAGE_INVALID.name());
    return m;
  }

  static List<String> keys(JsonObject o) {
    return new ArrayList<>(o.keySet());
  }

  @Nested
  class Decode {

    @Test
    void fullEnvelope() {
      Envelope e =
          message(
              "{\"id\":\"m1\",\"type\":\"event\",\"event\":\"chat.send\","
                  + "\"payload\":{\"text\":\"hi\"},\"meta\":{\"k\":\"v\"},\"ack\":true}");
      assertThat(e.id()).isEqualTo(Json.createValue("m1"));
      assertThat(e.type()).isEqualTo(MessageType.EVENT);
      assertThat(e.event()).isEqualTo("chat.send");
      assertThat(e.payload()).isInstanceOf(JsonObject.class);
      assertThat(((JsonObject) e.payload()).getString("text")).isEqualTo("hi");
      assertThat(e.meta()).containsEntry("k", Json.createValue("v"));
      assertThat(e.ack()).isTrue();
    }

    @Test
    void dataIsAnAliasOfPayload() {
      Envelope e = message("{\"event\":\"x\",\"data\":[1,2]}");
      assertThat(e.payload().toString()).isEqualTo("[1,2]");
    }

    @Test
    void payloadWinsOverData() {
      Envelope e = message("{\"event\":\"x\",\"payload\":1,\"data\":2}");
      assertThat(e.payload().toString()).isEqualTo("1");
    }

    @Test
    void missingTypeDefaultsToEvent() {
      Envelope e = message("{\"event\":\"x\"}");
      assertThat(e.type()).isEqualTo(MessageType.EVENT);
      assertThat(e.id()).isNull();
      assertThat(e.payload()).isNull();
      assertThat(e.meta()).isEmpty();
      assertThat(e.ack()).isFalse();
    }

    @Test
    void nullFieldsAreLikeMissingOnes() {
      Envelope e =
          message("{\"id\":null,\"type\":null,\"event\":\"x\",\"meta\":null,\"ack\":null}");
      assertThat(e.id()).isNull();
      assertThat(e.type()).isEqualTo(MessageType.EVENT);
      assertThat(e.meta()).isEmpty();
      assertThat(e.ack()).isFalse();
    }

    @Test
    void controlType() {
      Envelope e = message("{\"id\":7,\"type\":\"control\",\"event\":\"ping\"}");
      assertThat(e.type()).isEqualTo(MessageType.CONTROL);
      assertThat(e.id()).isInstanceOf(JsonNumber.class);
      assertThat(e.id().toString()).isEqualTo("7");
    }

    @Test
    void malformedJson() {
      Frame.Malformed m = invalid("{\"event\":");
      assertThat(m.id()).isNull();
      assertThat(m.fault().getMessage()).contains("malformed JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "42", "null", "true"})
    void nonObjectJson(String text) {
      Frame.Malformed m = invalid(text);
      assertThat(m.id()).isNull();
      assertThat(m.fault().getMessage()).contains("must be a JSON object");
    }

    @Test
    void trailingGarbageAfterTheObject() {
      invalid("{\"event\":\"x\"} {\"event\":\"y\"}");
      invalid("{\"event\":\"x\"}garbage");
      invalid("{\"event\":\"x\"}}");
    }

    @Test
    void surroundingWhitespaceIsFine() {
      assertThat(message(" \n{\"event\":\"x\"}\r\n ").event()).isEqualTo("x");
    }

    @Test
    void missingEventKeepsTheId() {
      Frame.Malformed m = invalid("{\"id\":\"a1\",\"payload\":1}");
      assertThat(m.id()).isEqualTo(Json.createValue("a1"));
      assertThat(m.fault().getMessage()).contains("'event'");
    }

    @Test
    void emptyEventKeepsTheId() {
      Frame.Malformed m = invalid("{\"id\":3,\"event\":\"\"}");
      assertThat(m.id()).isEqualTo(Json.createValue(3));
    }

    @Test
    void blankEvent() {
      invalid("{\"event\":\"   \"}");
    }

    @Test
    void nonStringEvent() {
      Frame.Malformed m = invalid("{\"id\":\"a2\",\"event\":12}");
      assertThat(m.id()).isEqualTo(Json.createValue("a2"));
    }

    @Test
    void unknownTypeKeepsIdAndEvent() {
      Frame.Malformed m = invalid("{\"id\":\"a3\",\"type\":\"bogus\",\"event\":\"x\"}");
      assertThat(m.id()).isEqualTo(Json.createValue("a3"));
      assertThat(m.event()).isEqualTo("x");
      assertThat(m.fault().getMessage()).contains("'type'");
    }

    @Test
    void nonStringType() {
      invalid("{\"type\":1,\"event\":\"x\"}");
    }

    @Test
    void idThatIsAnObject() {
      Frame.Malformed m = invalid("{\"id\":{\"a\":1},\"event\":\"x\"}");
      assertThat(m.id()).isNull();
      assertThat(m.fault().getMessage()).contains("'id'");
    }

    @Test
    void idThatIsABoolean() {
      assertThat(invalid("{\"id\":true,\"event\":\"x\"}").id()).isNull();
    }

    @Test
    void metaNotAnObject() {
      Frame.Malformed m = invalid("{\"id\":\"a4\",\"event\":\"x\",\"meta\":[1]}");
      assertThat(m.id()).isEqualTo(Json.createValue("a4"));
      assertThat(m.event()).isEqualTo("x");
      assertThat(m.fault().getMessage()).contains("'meta'");
    }

    @Test
    void ackNotABoolean() {
      Frame.Malformed m = invalid("{\"id\":\"a5\",\"event\":\"x\",\"ack\":\"yes\"}");
      assertThat(m.id()).isEqualTo(Json.createValue("a5"));
      assertThat(m.fault().getMessage()).contains("'ack'");
    }

    @Test
    void emptyString() {
      Frame.Malformed m = invalid("");
      assertThat(m.id()).isNull();
      assertThat(m.event()).isNull();
    }

    @Test
    void whitespaceOnly() {
      invalid("   ");
    }

    @Test
    void tooLargeCountsUtf8Bytes() {
      // 17 chars, 22 bytes: within the limit in chars, over it in bytes
      String text = "{\"event\":\"ééééé\"}";
      assertThat(text).hasSize(17);
      Frame f = CODEC.decode(text, 20);
      assertThat(f).isInstanceOf(Frame.Malformed.class);
      SocketFault fault = ((Frame.Malformed) f).fault();
      assertThat(fault.code()).isEqualTo(FaultCode.WS_PAYLOAD_TOO_LARGE.name());
      assertThat(fault.getMessage()).contains("22 bytes").contains("limit: 20");
      assertThat(fault.closeCode()).isEqualTo(1009);
      assertThat(CODEC.decode(text, 22)).isInstanceOf(Frame.Message.class);
    }

    @Test
    void tooLargeWithSurrogatePairs() {
      String emoji = "\uD83D\uDE00"; // 2 chars, 4 bytes
      String text = "{\"event\":\"" + emoji.repeat(3) + "\"}"; // 18 chars, 24 bytes
      assertThat(CODEC.decode(text, 23)).isInstanceOf(Frame.Malformed.class);
      assertThat(CODEC.decode(text, 24)).isInstanceOf(Frame.Message.class);
    }

    @Test
    void tooLargeAscii() {
      String text = "{\"event\":\"x\",\"payload\":\"" + "a".repeat(100) + "\"}";
      Frame.Malformed m = (Frame.Malformed) CODEC.decode(text, 50);
      assertThat(m.fault().code()).isEqualTo("WS_PAYLOAD_TOO_LARGE");
    }

    @Test
    void deeplyNestedJsonIsMalformedAndDoesNotThrow() {
      String nested = "[".repeat(10_000) + "]".repeat(10_000);
      Frame f = CODEC.decode(nested, Integer.MAX_VALUE);
      assertThat(f).isInstanceOf(Frame.Malformed.class);
      assertThat(((Frame.Malformed) f).fault().code()).isEqualTo("WS_MESSAGE_INVALID");

      String inPayload = "{\"id\":\"d\",\"event\":\"x\",\"payload\":" + nested + "}";
      Frame g = CODEC.decode(inPayload, Integer.MAX_VALUE);
      assertThat(g).isInstanceOf(Frame.Malformed.class);
      assertThat(((Frame.Malformed) g).fault().code()).isEqualTo("WS_MESSAGE_INVALID");
    }

    @Test
    void deeplyNestedObjects() {
      String nested = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
      Frame f = CODEC.decode(nested, Integer.MAX_VALUE);
      assertThat(f).isInstanceOf(Frame.Malformed.class);
    }
  }

  @Nested
  class Encode {

    @Test
    void keyOrderAndValues() {
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("room", "lobby");
      String text =
          CODEC.encode(
              new Envelope("e1", MessageType.EVENT, "chat.msg", Map.of("text", "hi"), meta, true));
      assertThat(text).startsWith("{\"id\":\"e1\",\"type\":\"event\",\"event\":\"chat.msg\",");
      JsonObject o = FakeTransport.parse(text);
      assertThat(keys(o)).containsExactly("id", "type", "event", "payload", "meta", "ack");
      assertThat(o.getJsonObject("payload").getString("text")).isEqualTo("hi");
      assertThat(o.getJsonObject("meta").getJsonNumber("ts").longValue()).isEqualTo(1_700_000_000L);
      assertThat(o.getJsonObject("meta").getString("room")).isEqualTo("lobby");
      assertThat(o.getBoolean("ack")).isTrue();
    }

    @Test
    void eventWithoutIdOrPayload() {
      JsonObject o = FakeTransport.parse(CODEC.encode(Envelope.event("news", null)));
      assertThat(keys(o)).containsExactly("id", "type", "event", "payload", "meta", "ack");
      assertThat(o.isNull("id")).isTrue();
      assertThat(o.isNull("payload")).isTrue();
      assertThat(o.getBoolean("ack")).isFalse();
    }

    @Test
    void clientMetaTsDoesNotOverrideServerTs() {
      String text =
          CODEC.encode(new Envelope(null, null, "x", null, Map.of("ts", "forged"), false));
      JsonObject meta = FakeTransport.parse(text).getJsonObject("meta");
      assertThat(meta.getJsonNumber("ts").longValue()).isEqualTo(1_700_000_000L);
      assertThat(meta).hasSize(1);
    }

    @Test
    void jsonValueIdsAndPayloadsAreWrittenVerbatim() {
      String text =
          CODEC.ackOk(Json.createValue(42), "x", Json.createObjectBuilder().add("a", 1).build());
      JsonObject o = FakeTransport.parse(text);
      assertThat(o.getJsonNumber("id").intValue()).isEqualTo(42);
      assertThat(o.getJsonObject("payload").getJsonObject("data").getInt("a")).isEqualTo(1);
    }

    @Test
    void ackOkShape() {
      JsonObject o = FakeTransport.parse(CODEC.ackOk(Json.createValue("r1"), "echo", "hello"));
      assertThat(keys(o)).containsExactly("id", "type", "event", "payload", "meta", "ack");
      assertThat(o.getString("id")).isEqualTo("r1");
      assertThat(o.getString("type")).isEqualTo("ack");
      assertThat(o.getString("event")).isEqualTo("echo");
      JsonObject p = o.getJsonObject("payload");
      assertThat(keys(p)).containsExactly("status", "data");
      assertThat(p.getString("status")).isEqualTo("ok");
      assertThat(p.getString("data")).isEqualTo("hello");
      assertThat(o.getBoolean("ack")).isFalse();
    }

    @Test
    void ackOkWithNullResult() {
      JsonObject p =
          FakeTransport.parse(CODEC.ackOk(Json.createValue("r1"), "x", null))
              .getJsonObject("payload");
      assertThat(p.getString("status")).isEqualTo("ok");
      assertThat(p.containsKey("data")).isTrue();
      assertThat(p.isNull("data")).isTrue();
    }

    @Test
    void ackErrorShape() {
      SocketFault f = SocketFault.invalid(List.of(new Violation("text", "must not be blank")));
      JsonObject o = FakeTransport.parse(CODEC.ackError(Json.createValue("r2"), "send", f));
      assertThat(o.getString("type")).isEqualTo("ack");
      assertThat(o.getString("id")).isEqualTo("r2");
      assertThat(o.getString("event")).isEqualTo("send");
      JsonObject p = o.getJsonObject("payload");
      assertThat(keys(p)).containsExactly("status", "code", "message", "violations");
      assertThat(p.getString("status")).isEqualTo("error");
      assertThat(p.getString("code")).isEqualTo("WS_MESSAGE_INVALID");
      assertThat(p.getString("message")).isEqualTo(f.getMessage());
      assertThat(p.getJsonArray("violations")).hasSize(1);
      assertThat(p.getJsonArray("violations").getJsonObject(0).getString("path")).isEqualTo("text");
      assertThat(p.getJsonArray("violations").getJsonObject(0).getString("message"))
          .isEqualTo("must not be blank");
    }

    @Test
    void ackErrorWithoutViolationsHasAnEmptyArray() {
      JsonObject p =
          FakeTransport.parse(
                  CODEC.ackError(
                      Json.createValue(1), "x", new SocketFault(FaultCode.WS_UNSUPPORTED_EVENT)))
              .getJsonObject("payload");
      assertThat(p.getJsonArray("violations")).isEmpty();
      assertThat(p.getString("message")).isEqualTo("Unsupported event type");
    }

    @Test
    void errorEventShape() {
      JsonObject o =
          FakeTransport.parse(CODEC.errorEvent("chat.send", SocketFault.forbidden("no")));
      assertThat(keys(o)).containsExactly("id", "type", "event", "payload", "meta", "ack");
      assertThat(o.isNull("id")).isTrue();
      assertThat(o.getString("type")).isEqualTo("event");
      assertThat(o.getString("event")).isEqualTo("error");
      JsonObject p = o.getJsonObject("payload");
      assertThat(keys(p)).containsExactly("code", "message", "event");
      assertThat(p.getString("code")).isEqualTo("WS_FORBIDDEN");
      assertThat(p.getString("message")).isEqualTo("WebSocket connection forbidden: no");
      assertThat(p.getString("event")).isEqualTo("chat.send");
    }

    @Test
    void errorEventWithViolationsAndUnknownEvent() {
      SocketFault f = SocketFault.invalid(List.of(new Violation("a", "b")));
      JsonObject p = FakeTransport.parse(CODEC.errorEvent(null, f)).getJsonObject("payload");
      assertThat(p.isNull("event")).isTrue();
      assertThat(p.getJsonArray("violations")).hasSize(1);
    }

    @Test
    void controlShape() {
      JsonObject o =
          FakeTransport.parse(
              CODEC.control(MessageType.CONTROL, "pong", Json.createValue("p1"), null));
      assertThat(o.getString("type")).isEqualTo("control");
      assertThat(o.getString("event")).isEqualTo("pong");
      assertThat(o.getString("id")).isEqualTo("p1");
    }

    @Test
    void stringEscaping() {
      String nasty = "q\"b\\n\nr\rt\tz\u0000\u0001\u001f\u2028\u2029\u00e9\uD83D\uDE00/";
      String text =
          CODEC.encode(new Envelope(nasty, MessageType.EVENT, nasty, nasty, Map.of(), false));
      // control characters and line/paragraph separators never appear raw
      assertThat(text)
          .doesNotContain("\n")
          .doesNotContain("\r")
          .doesNotContain("\t")
          .doesNotContain("\u0000")
          .doesNotContain("\u0001")
          .doesNotContain("\u001f")
          .doesNotContain("\u2028")
          .doesNotContain("\u2029");
      assertThat(text).contains("\\u2028").contains("\\u0000").contains("\\u001f");
      JsonObject o = FakeTransport.parse(text);
      assertThat(o.getString("id")).isEqualTo(nasty);
      assertThat(o.getString("event")).isEqualTo(nasty);
      assertThat(o.getString("payload")).isEqualTo(nasty);
    }

    @Test
    void quoteHelper() {
      StringBuilder sb = new StringBuilder();
      io.aquilia.sockets.runtime.Json.quote(sb, "a\"b\\c\u0008\u000c\u2028");
      assertThat(sb.toString()).isEqualTo("\"a\\\"b\\\\c\\u0008\\u000c\\u2028\"");
      sb.setLength(0);
      io.aquilia.sockets.runtime.Json.quote(sb, null);
      assertThat(sb.toString()).isEqualTo("null");
    }

    @Test
    void roundTrip() {
      String text =
          CODEC.encode(
              new Envelope("rt", MessageType.EVENT, "x", List.of(1, 2), Map.of("m", 1), true));
      Envelope e = message(text);
      assertThat(e.id()).isEqualTo(Json.createValue("rt"));
      assertThat(e.event()).isEqualTo("x");
      assertThat(e.payload().toString()).isEqualTo("[1,2]");
      assertThat(e.ack()).isTrue();
      assertThat(e.meta()).containsKeys("ts", "m");
      assertThat(((JsonValue) e.meta().get("m")).toString()).isEqualTo("1");
      assertThat(((JsonString) FakeTransport.parse(text).get("type")).getString())
          .isEqualTo("event");
    }
  }
}
