package dev.selfheal.record;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The team's dashboard as one self-contained page: no script, style or font from anywhere, and no
 * script at all needed to see any number — tables and charts (inline SVG) are drawn here. The five
 * metrics overall and by category, each as a weekly trend, auto-fix by category per week, the
 * time-to-fix distribution, outcomes by strategy, a per-repository breakdown, the recent heals, and
 * the period covered, when and by which selfheal it was generated.
 */
public final class HtmlReport {
  /** Upper bounds (exclusive) of the time-to-fix buckets, in seconds; the last is open. */
  static final long[] BUCKETS = {10, 30, 60, 120, 300, 600, 1800};

  static final String[] BUCKET_LABELS = {
    "<10s", "10–30s", "30s–1m", "1–2m", "2–5m", "5–10m", "10–30m", "≥30m"
  };

  /** One colour per category, none of them a status colour (green, red, amber). */
  static final Map<String, String> CATEGORY_COLOURS =
      Map.of(
          "type_error", "#3b6fd4",
          "test_failure", "#8e5cc9",
          "lint_error", "#1f9fb4",
          "dependency_issue", "#8a6a4f",
          "build_error", "#c455a8");

  static final Map<String, String> STATUS_COLOURS =
      Map.of("healed", "#2e7d32", "not_healed", "#c62828", "rejected", "#ef8f00");

  private static final String TREND = "#34597a";

  static final String CSP =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src"
          + " 'none'; style-src 'unsafe-inline'; img-src data:\">";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private HtmlReport() {}

  public static String render(Dashboard d, List<Attempt> attempts, String title) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        // The strictest policy a viewer might impose, imposed by the page itself: no script runs,
        // nothing loads from anywhere, and everything still shows.
        .append(CSP)
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Svg.esc(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    b.append("<h1>").append(Svg.esc(title)).append("</h1>\n");
    b.append("<p class=\"meta\" id=\"period\">Period: <span class=\"nw\">")
        .append(d.from() == null ? "—" : DAY.format(d.from()))
        .append("</span> to <span class=\"nw\">")
        .append(d.until() == null ? "—" : DAY.format(d.until()))
        .append("</span> · generated <span class=\"nw\">")
        .append(DAY.format(d.generatedAt()))
        .append("</span> by selfheal ")
        .append(Svg.esc(d.version()))
        .append("</p>\n");
    b.append("<h2>Metrics</h2>\n").append(metricsTable(d.metrics()));
    b.append("<p class=\"note\">Definitions: auto-fix rate = healed / attempts (heals of the same")
        .append(" failures on one commit count once); time to fix = detection to validated fix")
        .append(
            " (median / p90); fix accuracy = PRs merged without further commits / PRs merged or")
        .append(" closed; false-positive rate = PRs closed unmerged or failing CI / PRs decided;")
        .append(" regression rate = landed fixes whose failure came back within 7 days / landed")
        .append(" fixes. — = nothing decided yet.</p>\n");
    b.append("<h2>Trends by week</h2>\n<div class=\"grid\">\n");
    List<String> weeks = d.weeks().stream().map(Dashboard.Week::week).toList();
    List<String> plain = d.weeks().stream().map(w -> "—").toList();
    List<String> open =
        d.weeks().stream()
            .map(w -> w.metrics().openPrs() > 0 ? "— (" + w.metrics().openPrs() + " open)" : "—")
            .toList();
    b.append(
        panel(
            "Auto-fix rate",
            Svg.trend(
                "trend-auto-fix",
                weeks,
                series(d, Metrics::autoFixRate),
                HtmlReport::pct,
                plain,
                TREND,
                1.0)));
    List<Double> ttf =
        d.weeks().stream().map(w -> millis(w.metrics().timeToFixMs().median())).toList();
    double maxTtf =
        ttf.stream().filter(java.util.Objects::nonNull).mapToDouble(x -> x).max().orElse(1);
    b.append(
        panel(
            "Time to fix (median)",
            Svg.trend(
                "trend-time-to-fix", weeks, ttf, HtmlReport::duration, plain, TREND, maxTtf)));
    b.append(
        panel(
            "Fix accuracy",
            Svg.trend(
                "trend-fix-accuracy",
                weeks,
                series(d, Metrics::fixAccuracy),
                HtmlReport::pct,
                open,
                TREND,
                1.0)));
    b.append(
        panel(
            "False-positive rate",
            Svg.trend(
                "trend-false-positive",
                weeks,
                series(d, Metrics::falsePositiveRate),
                HtmlReport::pct,
                open,
                TREND,
                1.0)));
    b.append(
        panel(
            "Regression rate",
            Svg.trend(
                "trend-regression",
                weeks,
                series(d, Metrics::regressionRate),
                HtmlReport::pct,
                open,
                TREND,
                1.0)));
    b.append("</div>\n");
    b.append("<h2>Auto-fix rate by category, per week</h2>\n").append(byCategory(d, attempts));
    b.append("<h2>Time to fix</h2>\n").append(timeToFix(attempts));
    b.append("<h2>Outcomes by strategy</h2>\n").append(byStrategy(attempts));
    b.append("<h2>By repository</h2>\n").append(byRepo(d));
    b.append("<h2>Recent heals</h2>\n").append(recent(d));
    b.append("</body></html>\n");
    return b.toString();
  }

  private static List<Double> series(Dashboard d, Function<Metrics, Double> f) {
    return d.weeks().stream().map(w -> f.apply(w.metrics())).toList();
  }

  private static Double millis(Long ms) {
    return ms == null ? null : ms / 1000.0;
  }

  private static String panel(String title, String svg) {
    return "<figure><figcaption>" + Svg.esc(title) + "</figcaption>" + svg + "</figure>\n";
  }

  static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  static String duration(Double seconds) {
    if (seconds == null) {
      return "—";
    }
    return seconds < 60
        ? String.format(Locale.ROOT, "%.0f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }

  /** A rate, or "—" with the open PRs that keep it undecided. */
  private static String rate(Double v, int open) {
    if (v != null) {
      return pct(v);
    }
    return open > 0
        ? "— <span class=\"muted\">(" + open + " PR" + (open == 1 ? "" : "s") + " open)</span>"
        : "—";
  }

  private static String spread(Metrics.Spread s) {
    return s.median() == null
        ? "—"
        : duration(s.median() / 1000.0) + " / " + duration(s.p90() / 1000.0);
  }

  private static String metricsTable(Metrics m) {
    StringBuilder t = new StringBuilder("<table id=\"metrics\"><thead><tr>");
    for (String h :
        List.of(
            "",
            "attempts",
            "healed",
            "auto-fix rate",
            "time to fix (median / p90)",
            "time to PR (median / p90)",
            "fix accuracy",
            "false-positive rate",
            "regression rate")) {
      t.append("<th>").append(h).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    row(t, "all", m);
    m.byCategory().forEach((k, v) -> row(t, k, v));
    return t.append("</tbody></table>\n").toString();
  }

  private static void row(StringBuilder t, String name, Metrics m) {
    String colour = CATEGORY_COLOURS.get(name);
    t.append("<tr data-row=\"").append(Svg.esc(name)).append("\"><th class=\"nw\">");
    if (colour != null) {
      t.append("<span class=\"swatch\" style=\"background:").append(colour).append("\"></span>");
    }
    t.append(Svg.esc(name)).append("</th>");
    for (String c :
        List.of(
            Integer.toString(m.attempts()),
            Integer.toString(m.healed()),
            pct(m.autoFixRate()),
            spread(m.timeToFixMs()),
            spread(m.timeToPrMs()),
            rate(m.fixAccuracy(), m.openPrs()),
            rate(m.falsePositiveRate(), m.openPrs()),
            rate(m.regressionRate(), m.openPrs()))) {
      t.append("<td class=\"nw\">").append(c).append("</td>");
    }
    t.append("</tr>");
  }

  private static String byCategory(Dashboard d, List<Attempt> attempts) {
    List<String> cats = new ArrayList<>(d.metrics().byCategory().keySet());
    if (cats.isEmpty()) {
      return "<p class=\"muted\">No fix attempts in this period.</p>\n";
    }
    List<Svg.Group> groups = new ArrayList<>();
    for (Dashboard.Week w : d.weeks()) {
      List<Svg.Bar> bars = new ArrayList<>();
      for (String c : cats) {
        Metrics m = w.metrics().byCategory().get(c);
        Double v = m == null ? null : m.autoFixRate();
        bars.add(new Svg.Bar(c, v, pct(v)));
      }
      groups.add(new Svg.Group(w.week(), bars));
    }
    List<String> colours =
        cats.stream().map(c -> CATEGORY_COLOURS.getOrDefault(c, "#777")).toList();
    StringBuilder legend = new StringBuilder("<p class=\"legend\">");
    for (String c : cats) {
      legend
          .append("<span class=\"nw\"><span class=\"swatch\" style=\"background:")
          .append(CATEGORY_COLOURS.getOrDefault(c, "#777"))
          .append("\"></span>")
          .append(Svg.esc(c))
          .append("</span> ");
    }
    return legend.append("</p>\n").toString()
        + Svg.bars("auto-fix-by-category", groups, colours, 1.0)
        + "\n";
  }

  private static String timeToFix(List<Attempt> attempts) {
    int[] counts = new int[BUCKET_LABELS.length];
    for (Attempt a : Metrics.dedupe(attempts)) {
      if (a.status() != dev.selfheal.model.Status.HEALED) {
        continue;
      }
      long s = a.timings().toFix() / 1000;
      int i = 0;
      while (i < BUCKETS.length && s >= BUCKETS[i]) {
        i++;
      }
      counts[i]++;
    }
    List<Svg.Group> groups = new ArrayList<>();
    int max = 1;
    for (int i = 0; i < counts.length; i++) {
      groups.add(
          new Svg.Group(
              BUCKET_LABELS[i],
              List.of(new Svg.Bar("heals", (double) counts[i], Integer.toString(counts[i])))));
      max = Math.max(max, counts[i]);
    }
    return Svg.bars("time-to-fix", groups, List.of(TREND), max) + "\n";
  }

  private static String byStrategy(List<Attempt> attempts) {
    Map<String, int[]> by = new LinkedHashMap<>();
    for (Attempt a : Metrics.dedupe(attempts)) {
      if (!Metrics.isFixAttempt(a)) {
        continue;
      }
      String s = a.strategy() == null ? "(none)" : a.strategy();
      int[] c = by.computeIfAbsent(s, k -> new int[3]);
      c[
          a.status() == dev.selfheal.model.Status.HEALED
              ? 0
              : a.status() == dev.selfheal.model.Status.REJECTED ? 2 : 1]++;
    }
    if (by.isEmpty()) {
      return "<p class=\"muted\">No fix attempts in this period.</p>\n";
    }
    List<Svg.Group> groups = new ArrayList<>();
    int max = 1;
    for (var e : by.entrySet()) {
      int[] c = e.getValue();
      groups.add(
          new Svg.Group(
              e.getKey(),
              List.of(
                  new Svg.Bar("healed", (double) c[0], Integer.toString(c[0])),
                  new Svg.Bar("not_healed", (double) c[1], Integer.toString(c[1])),
                  new Svg.Bar("rejected", (double) c[2], Integer.toString(c[2])))));
      max = Math.max(max, Math.max(c[0], Math.max(c[1], c[2])));
    }
    return "<p class=\"legend\"><span class=\"nw\"><span class=\"swatch\" style=\"background:#2e7d32\"></span>healed</span> "
        + "<span class=\"nw\"><span class=\"swatch\" style=\"background:#c62828\"></span>not healed</span> "
        + "<span class=\"nw\"><span class=\"swatch\" style=\"background:#ef8f00\"></span>rejected</span></p>\n"
        + Svg.bars(
            "outcomes-by-strategy",
            groups,
            List.of(
                STATUS_COLOURS.get("healed"),
                STATUS_COLOURS.get("not_healed"),
                STATUS_COLOURS.get("rejected")),
            max)
        + "\n";
  }

  private static String byRepo(Dashboard d) {
    if (d.byRepo().isEmpty()) {
      return "<p class=\"muted\">No heals in this period.</p>\n";
    }
    StringBuilder t = new StringBuilder("<table id=\"by-repo\"><thead><tr>");
    for (String h :
        List.of(
            "repository",
            "attempts",
            "healed",
            "auto-fix rate",
            "time to fix",
            "fix accuracy",
            "false-positive rate",
            "regression rate")) {
      t.append("<th>").append(h).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    d.byRepo()
        .forEach(
            (repo, m) -> {
              t.append("<tr data-repo=\"")
                  .append(Svg.esc(repo))
                  .append("\"><th>")
                  .append(Svg.esc(repo))
                  .append("</th>");
              for (String c :
                  List.of(
                      Integer.toString(m.attempts()),
                      Integer.toString(m.healed()),
                      pct(m.autoFixRate()),
                      spread(m.timeToFixMs()),
                      rate(m.fixAccuracy(), m.openPrs()),
                      rate(m.falsePositiveRate(), m.openPrs()),
                      rate(m.regressionRate(), m.openPrs()))) {
                t.append("<td class=\"nw\">").append(c).append("</td>");
              }
              t.append("</tr>");
            });
    return t.append("</tbody></table>\n").toString();
  }

  private static String recent(Dashboard d) {
    if (d.recent().isEmpty()) {
      return "<p class=\"muted\">No heals in this period.</p>\n";
    }
    StringBuilder t = new StringBuilder("<table id=\"recent\"><thead><tr>");
    for (String h :
        List.of("time", "repository", "commit", "failure", "status", "reason", "strategy", "PR")) {
      t.append("<th>").append(h).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (Dashboard.Recent r : d.recent()) {
      t.append("<tr><td class=\"nw\">")
          .append(DAY.format(r.time()))
          .append("</td><td>")
          .append(Svg.esc(r.repo()))
          .append("</td><td><code>")
          .append(Svg.esc(r.commit()))
          .append("</code></td><td>")
          .append(Svg.esc(r.headline() == null ? "" : r.headline()))
          .append("</td><td class=\"nw\"><span class=\"status\" style=\"color:")
          .append(STATUS_COLOURS.getOrDefault(r.status(), "#555"))
          .append("\">")
          .append(Svg.esc(r.status()))
          .append("</span></td><td>")
          .append(Svg.esc(r.reason() == null ? "" : r.reason()))
          .append("</td><td>")
          .append(Svg.esc(r.strategy() == null ? "" : r.strategy()))
          .append("</td><td>");
      if (r.prUrl() != null && r.prUrl().startsWith("http")) {
        t.append("<a href=\"")
            .append(Svg.esc(r.prUrl()))
            .append("\">")
            .append(Svg.esc(r.prUrl().replaceAll("^.*/pull/", "#")))
            .append("</a>");
      }
      t.append("</td></tr>");
    }
    return t.append("</tbody></table>\n").toString();
  }

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:24px;color:#222;max-width:1200px}"
          + "h1{font-size:22px}h2{font-size:17px;margin-top:28px}"
          + "table{border-collapse:collapse;font-size:13px;margin:8px 0}"
          + "th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right;vertical-align:top}"
          + "th:first-child,td:first-child{text-align:left}#recent td,#recent th{text-align:left}"
          + "#recent td{max-width:320px;overflow-wrap:anywhere}"
          + ".nw{white-space:nowrap}.muted{color:#777}.note,.meta{font-size:12px;color:#555}"
          + ".grid{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figcaption{font-size:13px;font-weight:600}"
          + ".chart text{font-size:10px;fill:#333}.chart text.axis{fill:#666}.chart text.muted{fill:#999}"
          + ".swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}"
          + ".legend{font-size:12px}";
}
