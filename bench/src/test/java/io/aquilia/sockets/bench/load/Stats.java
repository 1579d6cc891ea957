package io.aquilia.sockets.bench.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles, medians and spreads. */
final class Stats {

  private Stats() {}

  /** The q-quantile (0..1) of sorted values, nearest rank; NaN when empty. */
  static double quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** p50, p99 and p999 of sorted nanosecond samples, in microseconds. */
  static Map<String, Object> latencyMicros(long[] sortedNanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", sortedNanos.length);
    m.put("p50_us", round(quantile(sortedNanos, 0.50) / 1000));
    m.put("p99_us", round(quantile(sortedNanos, 0.99) / 1000));
    m.put("p999_us", round(quantile(sortedNanos, 0.999) / 1000));
    return m;
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** {median, min, max} of the values, rounded. */
  static Map<String, Object> summary(List<Double> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median", round(median(values)));
    m.put("min", round(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
    m.put("max", round(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    m.put("rounds", values.stream().map(Stats::round).toList());
    return m;
  }

  static double round(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 100 : 10000;
    return Math.round(v * scale) / scale;
  }

  static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : round(a / b);
  }

  static double[] sorted(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c;
  }
}
