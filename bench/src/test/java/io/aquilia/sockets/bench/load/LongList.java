package io.aquilia.sockets.bench.load;

import java.util.Arrays;

/** A growable list of longs (latency samples), written by one thread at a time. */
final class LongList {

  private volatile long[] values = new long[1024];
  private volatile int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  /**
   * Appends every value of the lists into one sorted array. Safe against a late {@link #add} from
   * another thread: each list's size is read before its array.
   */
  static long[] sortedUnion(java.util.List<LongList> lists) {
    int[] sizes = new int[lists.size()];
    long[][] arrays = new long[lists.size()][];
    int total = 0;
    for (int i = 0; i < sizes.length; i++) {
      LongList l = lists.get(i);
      sizes[i] = l.size;
      arrays[i] = l.values;
      total += sizes[i];
    }
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < sizes.length; i++) {
      System.arraycopy(arrays[i], 0, all, at, sizes[i]);
      at += sizes[i];
    }
    Arrays.sort(all);
    return all;
  }

  /** The values of several sample arrays in one sorted array. */
  static long[] sortedUnionOf(java.util.List<long[]> samples) {
    return samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
  }
}
