package io.aquilia.sockets.redisson;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a join or leave did to a presence key, cluster-wide.
 *
 * @param changed whether the connection's membership changed (false: a join that only replaced the
 *     metadata, or a leave of a non-member)
 * @param before the key's state before, or null if the key was absent
 * @param after the key's state after, or null if the key is now absent
 */
public record PresenceDelta(boolean changed, PresenceState before, PresenceState after) {

  /**
   * Reads the flat answer of {@link Scripts#JOIN} / {@link Scripts#LEAVE}: {@code changed}, then
   * the state before and after, each as {@code metaFlag, meta, n, n "instance|connection"}.
   */
  static PresenceDelta fromScript(List<Object> l, String key) {
    int[] i = {1};
    PresenceState before = state(l, i, key);
    PresenceState after = state(l, i, key);
    return new PresenceDelta("1".equals(String.valueOf(l.get(0))), before, after);
  }

  private static PresenceState state(List<Object> l, int[] i, String key) {
    boolean hasMeta = "1".equals(String.valueOf(l.get(i[0])));
    String meta = hasMeta ? String.valueOf(l.get(i[0] + 1)) : null;
    int n = Integer.parseInt(String.valueOf(l.get(i[0] + 2)));
    Set<String> conns = new HashSet<>();
    for (int k = 0; k < n; k++) {
      String field = String.valueOf(l.get(i[0] + 3 + k));
      conns.add(field.substring(field.indexOf('|') + 1));
    }
    i[0] += 3 + n;
    return conns.isEmpty() ? null : new PresenceState(key, meta, conns);
  }
}
