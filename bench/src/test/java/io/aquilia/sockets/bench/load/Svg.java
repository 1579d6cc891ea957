package io.aquilia.sockets.bench.load;

import java.util.List;
import java.util.Map;

/** A grouped horizontal bar chart as a standalone SVG: one group per label, one bar per series. */
final class Svg {

  private static final Map<String, String> COLORS = Map.of("fw", "#2b6cb0", "raw", "#a0aec0");

  /**
   * One group of bars.
   *
   * @param label the group's label
   * @param values value per series ({@code fw}, {@code raw})
   * @param note text after the bars (e.g. the ratio)
   */
  record Group(String label, Map<String, Double> values, String note) {}

  private Svg() {}

  static String bars(String title, String unit, List<Group> groups) {
    int bar = 16;
    int gap = 14;
    int left = 170;
    int width = 820;
    int plot = 480;
    int top = 60;
    double max =
        groups.stream()
            .flatMap(g -> g.values().values().stream())
            .filter(v -> !v.isNaN())
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(1);
    int height = top + groups.size() * (2 * bar + gap) + 30;
    StringBuilder sb = new StringBuilder();
    sb.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n"
            .formatted(width, height));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">")
        .append(esc(title))
        .append("</text>\n");
    sb.append("<text x=\"10\" y=\"42\" fill=\"#555\">")
        .append(esc(unit))
        .append("; dark = framework (@Socket), light = baseline (raw JSR-356)</text>\n");
    int y = top;
    for (Group g : groups) {
      sb.append(
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n"
              .formatted(left - 8, y + bar + 4, esc(g.label())));
      int i = 0;
      for (String series : List.of("fw", "raw")) {
        Double v = g.values().get(series);
        if (v == null || v.isNaN()) {
          continue;
        }
        int w = (int) Math.max(1, Math.round(plot * v / max));
        int by = y + i * bar;
        sb.append(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n"
                .formatted(left, by, w, bar - 2, COLORS.get(series)));
        sb.append(
            "<text x=\"%d\" y=\"%d\">%s</text>\n"
                .formatted(left + w + 4, by + bar - 5, esc(format(v))));
        i++;
      }
      if (g.note() != null) {
        sb.append(
            "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>\n"
                .formatted(left + plot + 80, y + bar + 4, esc(g.note())));
      }
      y += 2 * bar + gap;
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  static String format(double v) {
    return Math.abs(v) >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
