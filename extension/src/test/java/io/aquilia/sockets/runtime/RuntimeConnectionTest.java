package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuntimeConnectionTest {

  static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void shortReasonIsKept() {
    assertThat(RuntimeConnection.truncateReason("bye")).isEqualTo("bye");
    assertThat(RuntimeConnection.truncateReason(null)).isEmpty();
    String exact = "a".repeat(123);
    assertThat(RuntimeConnection.truncateReason(exact)).isEqualTo(exact);
  }

  @Test
  void asciiIsCutAt123Bytes() {
    String r = RuntimeConnection.truncateReason("a".repeat(500));
    assertThat(r).isEqualTo("a".repeat(123));
  }

  @Test
  void twoByteCharactersAreNotSplit() {
    // 'é' is 2 bytes: 61 of them = 122 bytes, a 62nd would make 124
    String r = RuntimeConnection.truncateReason("é".repeat(100));
    assertThat(r).isEqualTo("é".repeat(61));
    assertThat(utf8(r)).isEqualTo(122);
  }

  @Test
  void surrogatePairsAreNotSplit() {
    String emoji = "\uD83D\uDE00"; // 4 bytes
    // "a" + 30 emoji = 121 bytes; the 31st would end at byte 125, so the cut at 123 falls inside it
    String r = RuntimeConnection.truncateReason("a" + emoji.repeat(40));
    assertThat(r).isEqualTo("a" + emoji.repeat(30));
    assertThat(utf8(r)).isLessThanOrEqualTo(123);
    assertThat(Character.isHighSurrogate(r.charAt(r.length() - 1))).isFalse();
  }

  @Test
  void surrogatePairsAtEveryOffset() {
    String emoji = "\uD83D\uDE00";
    for (int prefix = 0; prefix < 8; prefix++) {
      String reason = "x".repeat(prefix) + emoji.repeat(40);
      String r = RuntimeConnection.truncateReason(reason);
      assertThat(utf8(r)).isLessThanOrEqualTo(123).isGreaterThan(119);
      assertThat(reason).startsWith(r);
      assertThat(Character.isHighSurrogate(r.charAt(r.length() - 1))).isFalse();
      // round-trips through UTF-8 unchanged, so no lone surrogate
      assertThat(new String(r.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .isEqualTo(r);
    }
  }

  @Test
  void threeByteCharacters() {
    String r = RuntimeConnection.truncateReason("€".repeat(100)); // 3 bytes each
    assertThat(r).isEqualTo("€".repeat(41));
  }
}
