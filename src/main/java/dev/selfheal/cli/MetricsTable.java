package dev.selfheal.cli;

import dev.selfheal.record.Metrics;
import java.io.PrintStream;
import java.util.Locale;

/** The metrics as a terminal table: one row overall, one per category. */
final class MetricsTable {
  private MetricsTable() {}

  static void print(Metrics m, PrintStream out) {
    String fmt = "%-18s %8s %7s %9s %17s %17s %11s %11s %11s%n";
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
            + " further commits; \"-\" = nothing to measure yet; \"— (N open)\" = undecided while"
            + " N PRs are open");
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
        rate(m.fixAccuracy(), m.openPrs()),
        rate(m.falsePositiveRate(), m.openPrs()),
        rate(m.regressionRate(), m.openPrs()));
  }

  /** A rate, or "—" with the PRs still open that keep it undecided. */
  private static String rate(Double v, int open) {
    return v != null ? pct(v) : open > 0 ? "— (" + open + " open)" : "-";
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
