package io.aquilia.sockets.redisson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/** Counters of the adapter; drops are logged on the first one and at every power of two. */
final class AdapterStats {

  private static final Logger LOG = Logger.getLogger(AdapterStats.class.getName());

  final LongAdder published = new LongAdder();
  final LongAdder received = new LongAdder();
  final LongAdder skippedWhileDown = new LongAdder();
  final LongAdder reconnects = new LongAdder();
  private final Map<WireCodec.Reason, LongAdder> dropped = new LinkedHashMap<>();

  AdapterStats() {
    for (WireCodec.Reason r : WireCodec.Reason.values()) {
      dropped.put(r, new LongAdder());
    }
  }

  void dropped(WireCodec.Reason reason) {
    LongAdder a = dropped.get(reason);
    a.increment();
    long n = a.sum();
    if (Long.bitCount(n) == 1) {
      LOG.warning(Messages.dropped(describe(reason), n));
    }
  }

  /** The counters by name: published, received, skippedWhileDown, reconnects, dropped.REASON. */
  Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("published", published.sum());
    m.put("received", received.sum());
    m.put("skippedWhileDown", skippedWhileDown.sum());
    m.put("reconnects", reconnects.sum());
    long total = 0;
    for (var e : dropped.entrySet()) {
      long n = e.getValue().sum();
      total += n;
      m.put("dropped." + e.getKey().name().toLowerCase(java.util.Locale.ROOT), n);
    }
    m.put("dropped", total);
    return m;
  }

  private static String describe(WireCodec.Reason r) {
    return switch (r) {
      case MALFORMED -> "not a well-formed adapter message";
      case FOREIGN -> "another application's prefix";
      case UNSIGNED -> "unsigned, but a secret is configured";
      case BAD_SIGNATURE -> "wrong signature";
    };
  }
}
