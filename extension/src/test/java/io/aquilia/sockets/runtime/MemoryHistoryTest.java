package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.spi.SocketAdapter.History;
import io.aquilia.sockets.spi.SocketAdapter.Offset;
import org.junit.jupiter.api.Test;

class MemoryHistoryTest {

  private final MemoryHistory h = new MemoryHistory(3, 2);

  private Offset publish(String room, String text) {
    Offset o = h.reserve("/ns", room);
    h.record("/ns", room, o, text);
    return o;
  }

  @Test
  void returnsTheEventsAfterAnOffsetOfTheSameEpoch() {
    Offset first = publish("a", "e1");
    publish("a", "e2");
    publish("a", "e3");
    assertThat(first.offset()).isEqualTo(1);
    History after1 = h.since("/ns", "a", first);
    assertThat(after1.recovered()).isTrue();
    assertThat(after1.texts()).containsExactly("e2", "e3");
    assertThat(after1.current()).isEqualTo(new Offset(first.epoch(), 3));
    History upToDate = h.since("/ns", "a", new Offset(first.epoch(), 3));
    assertThat(upToDate.recovered()).isTrue();
    assertThat(upToDate.texts()).isEmpty();
    // a client that saw nothing yet, in this epoch
    assertThat(h.since("/ns", "a", new Offset(first.epoch(), 0)).texts())
        .containsExactly("e1", "e2", "e3");
  }

  @Test
  void trimmedEventsAnotherEpochOrAnUnknownRoomAreNotRecovered() {
    Offset first = publish("a", "e1");
    for (int i = 2; i <= 5; i++) {
      publish("a", "e" + i);
    }
    History trimmed = h.since("/ns", "a", first); // keeps e3..e5 only
    assertThat(trimmed.recovered()).isFalse();
    assertThat(trimmed.texts()).isEmpty();
    assertThat(trimmed.current()).isEqualTo(new Offset(first.epoch(), 5));
    assertThat(h.since("/ns", "a", new Offset(first.epoch(), 2)).texts())
        .containsExactly("e3", "e4", "e5");
    assertThat(h.since("/ns", "a", new Offset("other", 4)).recovered()).isFalse();
    assertThat(h.since("/ns", "a", new Offset(first.epoch(), 9)).recovered()).isFalse();
    History none = h.since("/ns", "nowhere", new Offset("", 0));
    assertThat(none.recovered()).isFalse();
    assertThat(none.current()).isEqualTo(new Offset("", 0));
  }

  @Test
  void anOffsetReservedButNotYetRecordedIsLeftToLiveDelivery() {
    Offset first = publish("a", "e1");
    h.reserve("/ns", "a"); // being delivered
    History h1 = h.since("/ns", "a", new Offset(first.epoch(), 0));
    assertThat(h1.recovered()).isTrue();
    assertThat(h1.texts()).containsExactly("e1");
    assertThat(h1.current().offset()).isEqualTo(1);
  }

  @Test
  void theLeastRecentlyUsedRoomIsForgottenBeyondTheBound() {
    Offset a = publish("a", "a1");
    Offset b = publish("b", "b1");
    Offset c = publish("c", "c1"); // bound 2: a goes
    assertThat(h.since("/ns", "a", new Offset(a.epoch(), 0)).recovered()).isFalse();
    assertThat(h.since("/ns", "b", new Offset(b.epoch(), 0)).texts()).containsExactly("b1");
    assertThat(h.since("/ns", "c", new Offset(c.epoch(), 0)).texts()).containsExactly("c1");
  }
}
