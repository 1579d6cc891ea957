package io.aquilia.sockets.redisson;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and reads {@link WireMessage}s. The format is three parts separated by a newline:
 *
 * <pre>
 * signature            base64url HMAC-SHA256 of "header\ntext", or "-" when unsigned
 * header               one-line JSON: {"v":1,"k":"e","i":instance,"p":prefix,"ns":..,"r":..,"x":..,"o":..}
 * text                 the envelope as encoded by the publisher, unchanged
 * </pre>
 *
 * <p>Reading never throws: a message that is not well formed, foreign (another prefix), unsigned or
 * wrongly signed when a secret is set is answered with a {@link Verdict} saying why.
 */
final class WireCodec {

  /** The outcome of reading a message. */
  sealed interface Verdict {
    /** A message to handle. */
    record Accepted(WireMessage message) implements Verdict {}

    /** A message to drop, with the reason. */
    record Rejected(Reason reason) implements Verdict {}
  }

  /** Why a message was dropped. */
  enum Reason {
    MALFORMED,
    FOREIGN,
    UNSIGNED,
    BAD_SIGNATURE
  }

  private static final String HMAC = "HmacSHA256";

  private final String prefix;
  private final byte[] secret;

  /**
   * @param prefix the accepted prefix
   * @param secret the HMAC secret, or null for unsigned messages
   */
  WireCodec(String prefix, String secret) {
    this.prefix = prefix;
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  String write(WireMessage m) {
    JsonObjectBuilder h =
        Json.createObjectBuilder()
            .add("v", 1)
            .add("k", m.kind().code())
            .add("i", m.instance())
            .add("p", prefix);
    if (m.namespace() != null) {
      h.add("ns", m.namespace());
    }
    if (m.room() != null) {
      h.add("r", m.room());
    }
    if (m.exclude() != null) {
      h.add("x", m.exclude());
    }
    if (m.offset() > 0) {
      h.add("o", m.offset());
    }
    String header = h.build().toString();
    String signed = header + "\n" + m.text();
    return (secret == null ? "-" : sign(signed)) + "\n" + signed;
  }

  Verdict read(String wire) {
    int first = wire.indexOf('\n');
    int second = first < 0 ? -1 : wire.indexOf('\n', first + 1);
    if (second < 0) {
      return new Verdict.Rejected(Reason.MALFORMED);
    }
    String signature = wire.substring(0, first);
    String signed = wire.substring(first + 1);
    if (secret != null) {
      if (signature.equals("-") || signature.isEmpty()) {
        return new Verdict.Rejected(Reason.UNSIGNED);
      }
      byte[] expected = sign(signed).getBytes(StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
        return new Verdict.Rejected(Reason.BAD_SIGNATURE);
      }
    }
    JsonObject h;
    try (var reader = Json.createReader(new StringReader(wire.substring(first + 1, second)))) {
      h = reader.readObject();
    } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
      return new Verdict.Rejected(Reason.MALFORMED);
    } catch (RuntimeException e) {
      return new Verdict.Rejected(Reason.MALFORMED);
    }
    WireMessage.Kind kind = WireMessage.Kind.of(string(h, "k"));
    String instance = string(h, "i");
    if (kind == null
        || instance == null
        || !(h.get("v") instanceof JsonNumber v)
        || v.intValue() != 1) {
      return new Verdict.Rejected(Reason.MALFORMED);
    }
    if (!prefix.equals(string(h, "p"))) {
      return new Verdict.Rejected(Reason.FOREIGN);
    }
    long offset = h.get("o") instanceof JsonNumber o ? o.longValue() : 0;
    return new Verdict.Accepted(
        new WireMessage(
            kind,
            instance,
            prefix,
            string(h, "ns"),
            string(h, "r"),
            string(h, "x"),
            offset,
            wire.substring(second + 1)));
  }

  private static String string(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }

  private String sign(String signed) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
