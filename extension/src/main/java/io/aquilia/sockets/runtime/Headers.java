package io.aquilia.sockets.runtime;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The request headers of a connection: an immutable map whose lookups ignore the case of the name.
 * Two arrays instead of a tree of entries, because every open connection keeps one (a handful of
 * headers, so a lookup is a short scan).
 */
final class Headers extends AbstractMap<String, List<String>> {

  private static final Headers EMPTY = new Headers(new String[0], new Object[0]);

  private final String[] names;
  private final Object[] values;

  private Headers(String[] names, Object[] values) {
    this.names = names;
    this.values = values;
  }

  /** An immutable, case-insensitive copy; a later name that differs only in case is merged. */
  static Headers copyOf(Map<String, List<String>> headers) {
    if (headers instanceof Headers h) {
      return h;
    }
    if (headers.isEmpty()) {
      return EMPTY;
    }
    String[] n = new String[headers.size()];
    Object[] v = new Object[headers.size()];
    int size = 0;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() == null) {
        continue;
      }
      int at = indexOf(n, size, e.getKey());
      List<String> list = e.getValue() == null ? List.of() : List.copyOf(e.getValue());
      if (at >= 0) {
        v[at] = concat(valueAt(v, at), list);
      } else {
        n[size] = e.getKey();
        v[size++] = list;
      }
    }
    return new Headers(java.util.Arrays.copyOf(n, size), java.util.Arrays.copyOf(v, size));
  }

  @Override
  public List<String> get(Object key) {
    int at = key instanceof String s ? indexOf(names, names.length, s) : -1;
    return at < 0 ? null : valueAt(values, at);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && indexOf(names, names.length, s) >= 0;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, List<String>>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < names.length;
          }

          @Override
          public Entry<String, List<String>> next() {
            if (i >= names.length) {
              throw new NoSuchElementException();
            }
            Entry<String, List<String>> e = Map.entry(names[i], valueAt(values, i));
            i++;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  private static int indexOf(String[] names, int size, String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static List<String> valueAt(Object[] values, int i) {
    return (List<String>) values[i];
  }

  private static List<String> concat(List<String> a, List<String> b) {
    String[] all = new String[a.size() + b.size()];
    for (int i = 0; i < a.size(); i++) {
      all[i] = a.get(i);
    }
    for (int i = 0; i < b.size(); i++) {
      all[a.size() + i] = b.get(i);
    }
    return List.of(all);
  }
}
