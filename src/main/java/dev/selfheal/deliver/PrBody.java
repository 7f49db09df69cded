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
    return "fix: " + e.summary();
  }

  /** The commit message: a conventional subject, the diagnosis in the body. */
  public static String commitMessage(PrEvidence e, Redactor redactor) {
    StringBuilder b = new StringBuilder(title(e)).append("\n\n");
    if (e.context() != null && e.context().breaking() != null) {
      b.append("Fixes the failure from ").append(e.context().breaking().shortSha()).append(".\n\n");
    }
    for (Diagnosis d : e.diagnoses()) {
      b.append(d.failureType().wire()).append(": ").append(d.rootCause()).append("\n");
    }
    b.append("\nProposed by selfheal (").append(String.join(", ", e.strategies())).append(").");
    return redactor.redact(b.toString());
  }

  /** The human part only, also written to the job's step summary. */
  public static String summary(PrEvidence e, Redactor redactor) {
    return redactor.redact(inert(human(e, true)));
  }

  public static String render(PrEvidence e, int attempts, Instant now, Redactor redactor) {
    String block = ReportBlock.render(e.reportJson(), attempts, now);
    String body = inert(human(e, true)) + "\n" + block + "\n";
    if (body.length() > MAX) {
      body = inert(human(e, false)) + "\n" + block + "\n";
    }
    return redactor.redact(body);
  }

  /**
   * Text a model, a log or a commit wrote, made unable to open an HTML comment: a diagnosis that
   * carries {@code <!-- selfheal:attempts 0 ... -->} must not read as selfheal's own marker.
   */
  static String inert(String text) {
    return text.replace("<!--", "&lt;!--").replace("-->", "--&gt;");
  }

  private static String human(PrEvidence e, boolean withDiff) {
    StringBuilder b = new StringBuilder();
    PrContext c = e.context();
    b.append("selfheal found why `")
        .append(e.targetBranch())
        .append("` fails at ")
        .append(shortSha(e.failingCommit()))
        .append(
            " and proposes this fix. It was validated in an isolated copy; a person decides.\n\n");
    if (c != null) {
      if (c.runUrl() != null) {
        b.append("- **Failing run:** ").append(c.runUrl());
        if (!c.failedJobs().isEmpty()) {
          b.append(" — failed job(s): ");
          b.append(
              String.join(
                  ", ",
                  c.failedJobs().stream()
                      .map(j -> "[" + oneLine(j.name()).replace("]", ")") + "](" + j.url() + ")")
                      .toList()));
        }
        b.append("\n");
      }
      if (c.breaking() != null) {
        PrContext.Commit k = c.breaking();
        b.append("- **Broke in:** ")
            .append(k.shortSha())
            .append(" ")
            .append(oneLine(k.subject()).replace("`", "'"))
            .append(" — by ")
            .append(oneLine(k.author()));
        if (k.login() != null && k.login().matches("[A-Za-z0-9-]+(\\[bot])?")) {
          b.append(" (@").append(k.login()).append(")");
        }
        b.append("\n");
      }
      b.append("- **Failed:** `").append(c.command().replace("`", "'")).append("`\n\n");
    }
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
    boolean others = c != null && !c.preExisting().isEmpty();
    b.append("- **After, the full command:** ")
        .append(c == null ? "" : "`" + c.command().replace("`", "'") + "` ")
        .append(others ? "runs with no failure of this fix's making, " : "passes, ")
        .append(e.fullTestsRun())
        .append(" test(s) run, none newly failing, no fewer than before\n");
    if (c != null && c.targetedCommand() != null) {
      b.append("- **The failing tests re-run with:** `")
          .append(c.targetedCommand().replace("`", "'"))
          .append("`\n");
    }
    if (c != null && !c.preExisting().isEmpty()) {
      b.append("- **Not this fix's doing:** these fail on the last commit where the suite ran")
          .append(" too, or passed when run again, so they do not block it:\n");
      c.preExisting().stream()
          .limit(20)
          .forEach(p -> b.append("  - `").append(oneLine(p)).append("`\n"));
    }
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
    if (c != null) {
      b.append("\n\n## Try it locally\n\n```sh\ngit fetch origin ")
          .append(c.fixBranch())
          .append(" && git checkout FETCH_HEAD && ")
          .append(c.command().replace("`", "'"))
          .append("\n```");
    }
    b.append("\n\n## Revert\n\n");
    b.append("Not merged yet: close this PR and selfheal will not propose a fix for this failure")
        .append(
            " again. Merged: `git revert -m 1 <merge commit>` (or `git revert <commit>` after a")
        .append(" squash).\n");
    b.append("\n---\n<sub>Proposed by selfheal ")
        .append(c == null ? dev.selfheal.model.SelfhealVersion.current() : c.version())
        .append(". It never merges; the auto-heal label marks its PRs.</sub>\n");
    return b.toString();
  }

  /** Added and removed lines per file of a unified diff. */
  static Map<String, String> diffStat(String diff) {
    Map<String, String> out = new LinkedHashMap<>();
    for (dev.selfheal.model.UnifiedDiffs.FileLines f : dev.selfheal.model.UnifiedDiffs.read(diff)) {
      out.merge(
          f.path(),
          "+" + f.added().size() + " −" + f.removed().size(),
          (a, b) -> a); // one per file
    }
    return out;
  }

  /** One line of at most 300 characters, cut at a word, never inside one. */
  private static String oneLine(String s) {
    String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
    return PrTitle.cut(t, 300);
  }

  private static String shortSha(String sha) {
    return sha.length() > 10 ? sha.substring(0, 10) : sha;
  }
}
