package dev.selfheal.eval;

import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.HealReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The execution grader (the outcome, and for a fix: the failing tests pass, the full command
 * passes, nothing newly fails, only allowed files touched) and the regex-and-structure grader (the
 * diagnosis's category and wording, its affected files, the patch's size and paths).
 */
public final class Graders {
  static final int MAX_LINES = 50;

  private Graders() {}

  public static Grade execution(GoldenCase c, HealReport r) {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    boolean llm = r.llm() != null && r.llm().calls() > 0;
    Expected want = c.expectedFor(llm);
    checks.put("outcome", want.matches(r.status()));
    if (r.status() == Status.HEALED) {
      HealReport.Validation v = r.validation();
      checks.put("failing_tests_pass", v.targeted() == null || v.targeted().passed());
      checks.put("full_suite_passes", v.full() != null && v.full().passed());
      checks.put("no_regression", v.full() != null && v.full().newlyFailing().isEmpty());
      checks.put("allowed_files_only", touched(r).stream().allMatch(c::mayTouch));
    }
    return Grade.of(
        checks,
        checks.get("outcome")
            ? null
            : "expected "
                + want.wire()
                + (want != c.expected() ? " (the LLM tier answered)" : "")
                + ", got "
                + r.status().wire()
                + ": "
                + r.reason());
  }

  public static Grade structure(GoldenCase c, HealReport r) {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    List<Diagnosis> ds = new ArrayList<>();
    r.fixes().forEach(f -> ds.add(f.diagnosis()));
    ds.addAll(r.diagnoses());
    // Flaky and not-reproduced heals stop before diagnosing: there is no category to check.
    if (!r.failures().isEmpty()
        && c.expected() != Expected.NOT_REPRODUCED
        && c.expected() != Expected.FLAKY) {
      checks.put(
          "category", ds.stream().anyMatch(d -> d.failureType().wire().equals(c.tag("category"))));
    }
    String text =
        String.join("\n", ds.stream().map(d -> d.rootCause() + "\n" + d.reasoning()).toList());
    for (String m : c.mentions()) {
      checks.put(
          "mentions " + m, Pattern.compile(m, Pattern.CASE_INSENSITIVE).matcher(text).find());
    }
    if (!r.fixes().isEmpty()) {
      // A diagnosis names where the fix goes and may name where the failure showed (the file
      // that no longer compiles when a dependency went missing); any other file is a wrong lead.
      List<String> affected =
          r.fixes().stream().flatMap(f -> f.diagnosis().affectedFiles().stream()).toList();
      java.util.Set<String> failing = new java.util.HashSet<>();
      r.failures().forEach(f -> failing.add(f.file()));
      checks.put(
          "affected_files_allowed",
          c.allowedFiles().isEmpty()
              || (affected.stream().anyMatch(c::mayTouch)
                  && affected.stream().allMatch(f -> c.mayTouch(f) || failing.contains(f))));
      checks.put("patch_size", r.patch().linesChanged() <= MAX_LINES);
      checks.put(
          "patch_paths",
          touched(r).stream()
              .allMatch(
                  f ->
                      !f.startsWith("/")
                          && !f.contains("..")
                          && !f.toLowerCase(Locale.ROOT).startsWith(".git")));
    }
    return Grade.of(checks, null);
  }

  static List<String> touched(HealReport r) {
    List<String> out = new ArrayList<>();
    for (Fix f : r.fixes()) {
      f.edits().forEach(e -> out.add(e.file()));
    }
    return out;
  }
}
