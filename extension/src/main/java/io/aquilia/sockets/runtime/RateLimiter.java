package io.aquilia.sockets.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message rate limit of one socket: a {@link TokenBucket} per connection, or per user when the
 * policy shares buckets. Buckets are created when a connection opens and dropped when the last
 * connection using them closes.
 */
final class RateLimiter {

  private record Holder(TokenBucket bucket, int users) {}

  private final RatePolicy policy;
  private final Clock clock;
  private final Map<String, Holder> buckets = new ConcurrentHashMap<>();

  RateLimiter(RatePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Whether messages of this event are counted. */
  boolean counts(String event) {
    return policy.enabled() && (event == null || !policy.exemptEvents().contains(event));
  }

  void attach(String connectionId, String user) {
    if (!policy.enabled()) {
      return;
    }
    buckets.compute(
        key(connectionId, user),
        (k, h) ->
            h == null
                ? new Holder(
                    new TokenBucket(
                        policy.perSecond(), policy.burst(), policy.closeAfter(), micros()),
                    1)
                : new Holder(h.bucket(), h.users() + 1));
  }

  void detach(String connectionId, String user) {
    if (!policy.enabled()) {
      return;
    }
    buckets.computeIfPresent(
        key(connectionId, user),
        (k, h) -> h.users() <= 1 ? null : new Holder(h.bucket(), h.users() - 1));
  }

  TokenBucket.Verdict take(String connectionId, String user) {
    Holder h = buckets.get(key(connectionId, user));
    return h == null ? TokenBucket.Verdict.ALLOW : h.bucket().take(micros());
  }

  int buckets() {
    return buckets.size();
  }

  private String key(String connectionId, String user) {
    return policy.perUser() && user != null ? "u:" + user : "c:" + connectionId;
  }

  private long micros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
