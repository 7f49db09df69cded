package dev.selfheal.deliver;

import dev.selfheal.model.Diagnosis;
import dev.selfheal.redact.Redactor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The PR's text: the diagnosis, the diff stat, the evidence, the guardrail report, the strategy,
 * how to revert, and the machine-readable report. Everything passes through the redactor.
 */
public final class PrBody {
  /** GitHub refuses bodies over 65,536 characters; the diff goes first when it must. */
  static final int MAX = 60_000;

  private PrBody() {}

  public static String title(PrEvidence e) {
    return "fix: auto-heal " + e.summary();
  }

  /** The commit message: a conventional subject, the diagnosis in the body. */
  public static String commitMessage(PrEvidence e, Redactor redactor) {
    StringBuilder b = new StringBuilder(title(e)).append("\n\n");
    for (Diagnosis d : e.diagnoses()) {
      b.append(d.failureType().wire()).append(": ").append(d.rootCause()).append("\n");
    }
    b.append("\nProposed by selfheal (").append(String.join(", ", e.strategies())).append(").");
    return redactor.redact(b.toString());
  }

  /** The human part only, also written to the job's step summary. */
  public static String summary(PrEvidence e, Redactor redactor) {
    return redactor.redact(human(e, true));
  }

  public static String render(PrEvidence e, int attempts, Instant now, Redactor redactor) {
    String block = ReportBlock.render(e.reportJson(), attempts, now);
    String body = human(e, true) + "\n" + block + "\n";
    if (body.length() > MAX) {
      body = human(e, false) + "\n" + block + "\n";
    }
    return redactor.redact(body);
  }

  private static String human(PrEvidence e, boolean withDiff) {
    StringBuilder b = new StringBuilder();
    b.append("selfheal found why `")
        .append(e.targetBranch())
        .append("` fails at ")
        .append(shortSha(e.failingCommit()))
        .append(
            " and proposes this fix. It was validated in an isolated copy; a person decides.\n\n");
    b.append("## Diagnosis\n\n");
    for (Diagnosis d : e.diagnoses()) {
      b.append("- **Root cause:** ").append(oneLine(d.rootCause())).append("\n");
      b.append("  - category: `").append(d.failureType().wire()).append("`, confidence ");
      b.append(String.format(Locale.ROOT, "%.2f", d.confidence()));
      b.append(", source: ").append(d.source().name().toLowerCase(Locale.ROOT)).append("\n");
      if (!d.affectedFiles().isEmpty()) {
        b.append("  - files: `").append(String.join("`, `", d.affectedFiles())).append("`\n");
      }
      b.append("  - reasoning: ").append(oneLine(d.reasoning())).append("\n");
    }
    b.append("\n## Change\n\n");
    b.append(e.patch().filesChanged())
        .append(" file(s), ")
        .append(e.patch().linesChanged())
        .append(" line(s) changed\n\n");
    diffStat(e.patch().diff())
        .forEach((f, s) -> b.append("- `").append(f).append("` ").append(s).append("\n"));
    if (withDiff) {
      b.append("\n<details><summary>diff</summary>\n\n```diff\n")
          .append(e.patch().diff().replace("```", "` ` `"))
          .append("```\n\n</details>\n");
    }
    b.append("\n## Evidence\n\n");
    b.append("- **Before:** ").append(e.failingBefore().size()).append(" failure(s)\n");
    e.failingBefore().stream()
        .limit(20)
        .forEach(f -> b.append("  - `").append(oneLine(f)).append("`\n"));
    if (!e.targetedTests().isEmpty()) {
      b.append("- **After, the failing tests:** ")
          .append(e.targetedExecuted())
          .append(" executed, all pass: `")
          .append(String.join("`, `", e.targetedTests().stream().limit(20).toList()))
          .append("`\n");
    }
    b.append("- **After, the full command:** passes, ")
        .append(e.fullTestsRun())
        .append(" test(s) run, none newly failing, no fewer than before\n");
    b.append("\n## Guardrails\n\n");
    if (e.guardrailViolations().isEmpty()) {
      b.append("All passed (size, forbidden paths, paths, confidence, test weakening, checks")
          .append(" switched off, build files), on each candidate and on the final diff.\n");
    } else {
      b.append("Refused earlier candidates:\n");
      e.guardrailViolations().forEach(v -> b.append("- ").append(oneLine(v)).append("\n"));
      b.append("The final diff passed all of them.\n");
    }
    b.append("\n## Strategy\n\n");
    b.append("`").append(String.join("`, `", e.strategies())).append("`");
    if (e.llmModel() != null) {
      b.append(
          String.format(
              Locale.ROOT,
              " (model %s, %d tokens, $%.4f)",
              e.llmModel(),
              e.llmTokens(),
              e.llmCostUsd()));
    }
    b.append("\n\n## Revert\n\n");
    b.append("Not merged yet: close this PR and selfheal will not propose a fix for this failure")
        .append(
            " again. Merged: `git revert -m 1 <merge commit>` (or `git revert <commit>` after a")
        .append(" squash).\n");
    return b.toString();
  }

  /** Added and removed lines per file of a unified diff. */
  static Map<String, String> diffStat(String diff) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    String file = null;
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("+++ ")) {
        String p = line.substring(4).strip();
        file = p.startsWith("b/") ? p.substring(2) : p;
        if (file.equals("/dev/null")) {
          file = null;
        }
      } else if (line.startsWith("--- ")) {
        String p = line.substring(4).strip();
        file = p.startsWith("a/") ? p.substring(2) : p; // a deletion names it here only
      } else if (file != null && line.startsWith("+")) {
        counts.computeIfAbsent(file, k -> new int[2])[0]++;
      } else if (file != null && line.startsWith("-")) {
        counts.computeIfAbsent(file, k -> new int[2])[1]++;
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    counts.forEach((f, c) -> out.put(f, "+" + c[0] + " −" + c[1]));
    return out;
  }

  private static String oneLine(String s) {
    String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
    return t.length() > 300 ? t.substring(0, 297) + "..." : t;
  }

  private static String shortSha(String sha) {
    return sha.length() > 10 ? sha.substring(0, 10) : sha;
  }
}
