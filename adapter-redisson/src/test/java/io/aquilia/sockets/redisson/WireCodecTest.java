package io.aquilia.sockets.redisson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireCodecTest {

  private static final WireMessage MSG =
      new WireMessage(
          WireMessage.Kind.ENVELOPE,
          "i1",
          "app",
          "/ws/chat/:room",
          "lobby",
          "c1",
          7,
          "{\"id\":null,\"type\":\"event\",\"event\":\"m\",\"payload\":\"a\\nb\"}");

  @Test
  void roundTripsUnsigned() {
    WireCodec codec = new WireCodec("app", null);
    String wire = codec.write(MSG);
    assertThat(wire).startsWith("-\n{");
    assertThat(codec.read(wire)).isEqualTo(new WireCodec.Verdict.Accepted(MSG));
  }

  @Test
  void envelopeTextTravelsUnchanged() {
    String wire = new WireCodec("app", "s3cret").write(MSG);
    assertThat(wire).endsWith("\n" + MSG.text());
  }

  @Test
  void signedRoundTrip() {
    WireCodec codec = new WireCodec("app", "s3cret");
    assertThat(codec.read(codec.write(MSG))).isEqualTo(new WireCodec.Verdict.Accepted(MSG));
  }

  @Test
  void unsignedIsRejectedWhenASecretIsSet() {
    String wire = new WireCodec("app", null).write(MSG);
    assertThat(new WireCodec("app", "s3cret").read(wire))
        .isEqualTo(new WireCodec.Verdict.Rejected(WireCodec.Reason.UNSIGNED));
  }

  @Test
  void otherSecretIsABadSignature() {
    String wire = new WireCodec("app", "other").write(MSG);
    assertThat(new WireCodec("app", "s3cret").read(wire))
        .isEqualTo(new WireCodec.Verdict.Rejected(WireCodec.Reason.BAD_SIGNATURE));
  }

  @Test
  void tamperedTextIsABadSignature() {
    String wire = new WireCodec("app", "s3cret").write(MSG).replace("\"a\\nb\"", "\"evil\"");
    assertThat(new WireCodec("app", "s3cret").read(wire))
        .isEqualTo(new WireCodec.Verdict.Rejected(WireCodec.Reason.BAD_SIGNATURE));
  }

  @Test
  void otherPrefixIsForeign() {
    String wire = new WireCodec("other", null).write(MSG);
    assertThat(new WireCodec("app", null).read(wire))
        .isEqualTo(new WireCodec.Verdict.Rejected(WireCodec.Reason.FOREIGN));
  }

  @Test
  void garbageIsMalformed() {
    WireCodec codec = new WireCodec("app", null);
    for (String bad :
        new String[] {
          "",
          "hello",
          "-\nnot json\ntext",
          "-\n[1]\nx",
          "-\n{\"v\":2,\"k\":\"e\",\"i\":\"x\"}\nt",
          "-\n{\"v\":1,\"k\":\"zz\",\"i\":\"x\",\"p\":\"app\"}\nt",
          "-\n{\"v\":1,\"k\":\"e\",\"p\":\"app\"}\nt"
        }) {
      assertThat(codec.read(bad))
          .as(bad)
          .isEqualTo(new WireCodec.Verdict.Rejected(WireCodec.Reason.MALFORMED));
    }
  }
}
