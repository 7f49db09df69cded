package dev.selfheal.eval;

import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.RunDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code scorecard.json}, {@code junit.xml} (one test case per golden case) and {@code
 * summary.md}.
 */
final class ScorecardWriter {
  private ScorecardWriter() {}

  static void write(Path dir, Scorecard s, Scorecard baseline, Gate.Verdict gate)
      throws IOException {
    Files.createDirectories(dir);
    RunDir.writeAtomically(
        dir.resolve("scorecard.json"), Json.mapper().writeValueAsString(s) + "\n");
    RunDir.writeAtomically(dir.resolve("junit.xml"), junit(s));
    RunDir.writeAtomically(dir.resolve("summary.md"), summary(s, baseline, gate));
  }

  static String junit(Scorecard s) {
    long failures = s.results().stream().filter(r -> !r.passed()).count();
    double time = s.results().stream().mapToDouble(Scorecard.CaseResult::seconds).sum();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(
        String.format(
            Locale.ROOT,
            "<testsuite name=\"selfheal-eval\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.2f\">%n",
            s.results().size(),
            failures,
            time));
    for (Scorecard.CaseResult r : s.results()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  <testcase classname=\"golden.%s.%s\" name=\"%s\" time=\"%.2f\"",
              xml(r.tags().get("tool")),
              xml(r.tags().get("category")),
              xml(r.id()),
              r.seconds()));
      if (r.passed()) {
        b.append("/>\n");
      } else {
        Grade e = r.graders().get("execution");
        String why = e == null || e.note() == null ? "status " + r.status() : e.note();
        b.append(">\n    <failure message=\"")
            .append(xml(firstLine(why)))
            .append("\">")
            .append(xml(why))
            .append("</failure>\n  </testcase>\n");
      }
    }
    return b.append("</testsuite>\n").toString();
  }

  static String summary(Scorecard s, Scorecard baseline, Gate.Verdict gate) {
    StringBuilder b = new StringBuilder("# selfheal eval\n\n");
    b.append(String.format(Locale.ROOT, "Score **%.1f** on %d case(s)", s.score(), s.cases()));
    if (baseline != null && baseline.cases() == s.cases()) {
      b.append(
          String.format(
              Locale.ROOT,
              " (baseline %.1f, %+.1f)",
              baseline.score(),
              s.score() - baseline.score()));
    } else if (baseline != null) {
      // A selection against a full baseline: compare like with like, over the cases both hold.
      Gate.Shared sh = Gate.Shared.of(s, baseline, id -> true);
      b.append(
          String.format(
              Locale.ROOT,
              " (baseline %.1f on %d case(s); on the %d both runs hold: %.1f → %.1f)",
              baseline.score(),
              baseline.cases(),
              sh.cases(),
              sh.was(),
              sh.is()));
    }
    b.append(". Structure grade ")
        .append(
            s.structureScore() == null
                ? "-"
                : String.format(Locale.ROOT, "%.1f", s.structureScore()));
    b.append(", judge ")
        .append(
            s.judgeScore() == null
                ? "not run"
                : String.format(Locale.ROOT, "%.1f", s.judgeScore()));
    b.append(". LLM tier: ").append(s.llm().describe()).append(".\n\n");
    if (gate != null) {
      b.append(gate.tripped() ? "**The gate tripped:**\n\n" : "The gate holds.\n\n");
      gate.reasons().forEach(r -> b.append("- ").append(r).append("\n"));
      if (!gate.flippedToFail().isEmpty()) {
        b.append("\nNow failing: ").append(String.join(", ", gate.flippedToFail())).append("\n");
      }
      if (!gate.flippedToPass().isEmpty()) {
        b.append("\nNow passing: ").append(String.join(", ", gate.flippedToPass())).append("\n");
      }
      b.append("\n");
    }
    List<Map.Entry<String, Scorecard.Slice>> slices = new ArrayList<>(s.slices().entrySet());
    slices.sort((x, y) -> Double.compare(delta(x, baseline), delta(y, baseline)));
    b.append("| slice | cases | score | localization top 5 |")
        .append(baseline == null ? "" : " baseline | change |")
        .append("\n");
    b.append("| --- | --- | --- | --- |")
        .append(baseline == null ? "" : " --- | --- |")
        .append("\n");
    for (Map.Entry<String, Scorecard.Slice> e : slices) {
      Scorecard.Slice sl = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %s |",
              e.getKey(),
              sl.cases(),
              sl.score(),
              sl.localizationTop5() == null
                  ? "-"
                  : String.format(
                      Locale.ROOT, "%.0f%% of %d", sl.localizationTop5(), sl.localized())));
      if (baseline != null) {
        Scorecard.Slice was = baseline.slices().get(e.getKey());
        b.append(
            was == null
                ? " - | - |"
                : String.format(
                    Locale.ROOT,
                    " %.1f | %+.1f |",
                    was.score(),
                    e.getValue().score() - was.score()));
      }
      b.append("\n");
    }
    List<Scorecard.CaseResult> failed = s.results().stream().filter(r -> !r.passed()).toList();
    if (!failed.isEmpty()) {
      b.append("\n## Cases that did not pass\n\n");
      for (Scorecard.CaseResult r : failed) {
        Grade e = r.graders().get("execution");
        b.append("- `")
            .append(r.id())
            .append("`: ")
            .append(e == null || e.note() == null ? "status " + r.status() : firstLine(e.note()))
            .append("\n");
      }
    }
    return b.toString();
  }

  /** Regressions first: the slices that lost most against the baseline (else the lowest). */
  private static double delta(Map.Entry<String, Scorecard.Slice> e, Scorecard baseline) {
    if (baseline == null) {
      return e.getValue().score();
    }
    Scorecard.Slice was = baseline.slices().get(e.getKey());
    return was == null ? 0 : e.getValue().score() - was.score();
  }

  private static String firstLine(String s) {
    String t = s.lines().findFirst().orElse("");
    return t.length() > 300 ? t.substring(0, 297) + "..." : t;
  }

  private static String xml(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
