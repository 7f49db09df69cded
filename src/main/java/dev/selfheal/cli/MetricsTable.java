package dev.selfheal.cli;

import dev.selfheal.record.Metrics;
import java.io.PrintStream;
import java.util.Locale;

/** The metrics as a terminal table: one row overall, one per category. */
final class MetricsTable {
  private MetricsTable() {}

  static void print(Metrics m, PrintStream out) {
    String fmt = "%-18s %8s %7s %9s %17s %17s %9s %9s %9s%n";
    out.printf(
        Locale.ROOT,
        fmt,
        "category",
        "attempts",
        "healed",
        "auto-fix",
        "time to fix",
        "time to PR",
        "accuracy",
        "false +",
        "regress");
    row(out, fmt, "all", m);
    m.byCategory().forEach((k, v) -> row(out, fmt, k, v));
    out.println();
    out.println(
        "auto-fix = healed / attempts; time = median / p90; accuracy = PRs merged without"
            + " further commits; \"-\" = nothing to measure yet");
  }

  private static void row(PrintStream out, String fmt, String name, Metrics m) {
    out.printf(
        Locale.ROOT,
        fmt,
        name,
        m.attempts(),
        m.healed(),
        pct(m.autoFixRate()),
        spread(m.timeToFixMs()),
        spread(m.timeToPrMs()),
        pct(m.fixAccuracy()),
        pct(m.falsePositiveRate()),
        pct(m.regressionRate()));
  }

  private static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String spread(Metrics.Spread s) {
    return s.median() == null
        ? "-"
        : String.format(Locale.ROOT, "%.1fs / %.1fs", s.median() / 1000.0, s.p90() / 1000.0);
  }
}
