package dev.selfheal.record;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Bar charts as inline SVG, drawn here, so a page shows every number with scripts blocked (Jenkins'
 * HTML Publisher, artifact viewers, a strict CSP). Each bar carries its value as a label above it,
 * a {@code <title>} (the hover text, no script needed) and {@code data-*} attributes a test reads.
 */
final class Svg {
  private Svg() {}

  /** One bar: its label, its value (null: nothing to measure), the text shown for it. */
  record Bar(String label, Double value, String shown) {}

  /** A group of bars sharing one label (a week), drawn side by side in their own colours. */
  record Group(String label, List<Bar> bars) {}

  static final int HEIGHT = 180;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;

  /**
   * Grouped bars: each group a cluster, each bar of a cluster in the colour of its series (the same
   * index in {@code colours}).
   *
   * @param max the value of a full-height bar (1.0 for rates)
   */
  static String bars(String id, List<Group> groups, List<String> colours, double max) {
    int perBar = 22;
    int gap = 14;
    int width = Math.max(240, groups.stream().mapToInt(g -> slot(g, perBar) + gap).sum() + 40);
    int plot = HEIGHT - TOP - BOTTOM;
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"")
        .append(id)
        .append("\" class=\"chart\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(HEIGHT)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    s.append("<line x1=\"20\" y1=\"")
        .append(TOP + plot)
        .append("\" x2=\"")
        .append(width - 10)
        .append("\" y2=\"")
        .append(TOP + plot)
        .append("\" stroke=\"#999\"/>");
    int x = 24;
    for (Group g : groups) {
      int slot = slot(g, perBar);
      int start = x;
      x += (slot - g.bars().size() * perBar) / 2; // bars centred under a wider label
      for (int i = 0; i < g.bars().size(); i++) {
        Bar b = g.bars().get(i);
        String colour = colours.get(i % colours.size());
        if (b.value() == null) {
          s.append(
              text(x + perBar / 2, TOP + plot - 4, b.shown() == null ? "—" : b.shown(), "muted"));
          s.append(
              "<rect class=\"bar none\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"0\" data-series=\"%s\" data-label=\"%s\" data-value=\"\"><title>%s: nothing to measure</title></rect>"
                  .formatted(
                      x,
                      TOP + plot,
                      perBar - 4,
                      esc(b.label()),
                      esc(g.label()),
                      esc(g.label() + " " + b.label())));
        } else {
          double v = Math.max(0, b.value());
          int h = max <= 0 ? 0 : (int) Math.round(Math.min(1.0, v / max) * plot);
          int y = TOP + plot - h;
          s.append(
              "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" data-series=\"%s\" data-label=\"%s\" data-value=\"%s\"><title>%s</title></rect>"
                  .formatted(
                      x,
                      y,
                      perBar - 4,
                      h,
                      colour,
                      esc(b.label()),
                      esc(g.label()),
                      String.format(Locale.ROOT, "%.4f", v),
                      esc(g.label() + " " + b.label() + ": " + b.shown())));
          s.append(text(x + (perBar - 4) / 2, y - 4, b.shown(), "value"));
        }
        x += perBar;
      }
      s.append(text(start + slot / 2, TOP + plot + 16, g.label(), "axis"));
      x = start + slot + gap;
    }
    s.append("</svg>");
    return s.toString();
  }

  /**
   * A one-series chart (a metric's weekly trend); {@code undecided} says what a bar with no value
   * shows ("—", or "— (2 open)" while PRs keep the rate undecided).
   */
  static String trend(
      String id,
      List<String> labels,
      List<Double> values,
      Function<Double, String> shown,
      List<String> undecided,
      String colour,
      double max) {
    List<Group> groups = new java.util.ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Double v = values.get(i);
      groups.add(
          new Group(
              labels.get(i),
              List.of(new Bar(id, v, v == null ? undecided.get(i) : shown.apply(v)))));
    }
    return bars(id, groups, List.of(colour), max);
  }

  /** A group's width: its bars, or its label's, whichever is wider (labels never overlap). */
  private static int slot(Group g, int perBar) {
    return Math.max(g.bars().size() * perBar, g.label().length() * 6 + 6);
  }

  private static String text(int x, int y, String t, String cls) {
    return "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"%s\">%s</text>"
        .formatted(x, y, cls, esc(t));
  }

  static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
