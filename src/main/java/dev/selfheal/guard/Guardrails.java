package dev.selfheal.guard;

import dev.selfheal.guard.Violation.Rule;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Fix;
import dev.selfheal.model.RepoPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DESIGN.md's guardrails, the same for every fix whoever wrote it: size, forbidden paths, paths
 * leaving the repository, confidence, test weakening, checks switched off, and model edits to build
 * files. Run before validation and again on the final diff.
 */
public final class Guardrails {
  private static final Pattern TEST_FILE =
      Pattern.compile(
          "(^|/)(src/test/|src/it/|tests?/|__tests__/)|(^|/)test_[^/]*\\.py$|_test\\.(py|go)$|\\.(test|spec)\\.[cm]?[jt]sx?$|(Test|Tests|IT|Spec)\\.(java|kt|groovy|scala)$");
  private static final Pattern ASSERTION =
      Pattern.compile(
          "@Test\\b|@ParameterizedTest|\\bassert|\\bexpect\\(|\\bverify\\(|\\bshould\\b|\\bdef test_|\\b(it|test)\\(|\\bfail\\(");
  private static final Pattern SKIPPING =
      Pattern.compile(
          "@Disabled|@Ignore\\b|\\bassume[A-Z(]|Assumptions\\.|Assume\\.|pytest\\.mark\\.(skip|xfail)|pytest\\.skip|unittest\\.skip|\\b(xit|xdescribe|xtest)\\(|\\.(skip|todo)\\(|@EnabledIf|@DisabledIf");
  private static final Pattern TOLERANCE =
      Pattern.compile(
          "delta|within\\(|isCloseTo|offset\\(|approx\\(|toBeCloseTo|tolerance|epsilon",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CHECKS_OFF =
      Pattern.compile(
          "skipTests|maven\\.test\\.skip|testFailureIgnore|continue-on-error|failOnViolation>\\s*false|failsOnError>\\s*false|failOnError>\\s*false"
              + "|<skip>\\s*true|ignoreFailures\\s*=?\\s*true|-x\\s+test\\b|--no-verify|eslint-disable|@ts-ignore|@ts-nocheck|#\\s*noqa|#\\s*type:\\s*ignore"
              + "|CHECKSTYLE:OFF|@SuppressFBWarnings|NOPMD|spotless\\.check\\.skip|checkstyle\\.skip|pmd\\.skip|spotbugs\\.skip|jacoco\\.skip|\\|\\|\\s*true");
  private static final Pattern THRESHOLD =
      Pattern.compile(
          "minimum|threshold|fail_under|--max-warnings|coverage", Pattern.CASE_INSENSITIVE);
  private static final Pattern BUILD_FILE =
      Pattern.compile(
          "(^|/)(pom\\.xml|mvnw(\\.cmd)?|package\\.json|package-lock\\.json|[^/]*\\.gradle(\\.kts)?|gradle\\.properties)$|(^|/)\\.mvn/");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?");

  private Guardrails() {}

  public static List<Violation> check(GuardInput in) {
    List<Violation> out = new ArrayList<>();
    var s = in.safety();
    if (in.patch().filesChanged() > s.maxFilesChanged()) {
      out.add(
          new Violation(
              Rule.MAX_FILES_CHANGED,
              in.patch().filesChanged() + " files changed; the limit is " + s.maxFilesChanged()));
    }
    if (in.patch().linesChanged() > s.maxLinesChanged()) {
      out.add(
          new Violation(
              Rule.MAX_LINES_CHANGED,
              in.patch().linesChanged() + " lines changed; the limit is " + s.maxLinesChanged()));
    }
    long chars = changedCharacters(in.patch().diff());
    if (in.patch().linesChanged() <= s.maxLinesChanged()
        && chars > (long) s.maxLinesChanged() * CHARS_PER_LINE) {
      out.add(
          new Violation(
              Rule.MAX_LINES_CHANGED,
              chars
                  + " characters changed, as much as "
                  + (chars + CHARS_PER_LINE - 1) / CHARS_PER_LINE
                  + " lines of "
                  + CHARS_PER_LINE
                  + "; the limit is "
                  + s.maxLinesChanged()
                  + " lines"));
    }
    Set<String> files = new LinkedHashSet<>(in.patch().files());
    in.fixes().forEach(f -> f.edits().forEach(e -> files.add(e.file())));
    for (String f : files) {
      java.util.Optional<Violation> path = pathViolation(in.repo(), f);
      if (path.isPresent()) {
        out.add(path.get());
      } else if (s.isForbidden(f)) {
        out.add(new Violation(Rule.FORBIDDEN_PATHS, f + " matches a forbidden path"));
      }
    }
    for (Fix fix : in.fixes()) {
      if (fix.diagnosis().confidence() < s.confidenceThreshold()) {
        out.add(
            new Violation(
                Rule.CONFIDENCE,
                fix.strategy()
                    + " is "
                    + fix.diagnosis().confidence()
                    + " confident; the threshold is "
                    + s.confidenceThreshold()));
      }
      if (fix.byLlm()) {
        for (Edit e : fix.edits()) {
          if (isTestCode(e.file(), in.testHarness())) {
            out.add(
                new Violation(
                    Rule.TEST_WEAKENING,
                    fix.strategy()
                        + " edits test code "
                        + e.file()
                        + ": a model may change production code only; tests, their helpers and"
                        + " the scripts that run them change on selfheal's own analysis alone"));
          }
        }
      }
      if (fix.byLlm() && !s.llmMayEditBuildFiles()) {
        for (Edit e : fix.edits()) {
          if (BUILD_FILE.matcher(e.file()).find()) {
            out.add(
                new Violation(
                    Rule.BUILD_FILES,
                    fix.strategy()
                        + " edits build file "
                        + e.file()
                        + " (allow with safety.llm_may_edit_build_files)"));
          }
        }
      }
    }
    DiffLines diff = DiffLines.of(in.patch().diff());
    boolean intended =
        !in.intendedOutputChanges().isEmpty()
            && in.fixes().stream().noneMatch(Fix::byLlm)
            && in.fixes().stream()
                .allMatch(f -> in.intendedOutputChanges().containsAll(f.fingerprints()));
    for (String deleted : diff.deletedFiles()) {
      if (isTestCode(deleted, in.testHarness())) {
        out.add(new Violation(Rule.TEST_WEAKENING, "deletes the test file " + deleted));
      }
    }
    for (var e : diff.added().entrySet()) {
      for (String line : e.getValue()) {
        if (CHECKS_OFF.matcher(line).find()) {
          out.add(new Violation(Rule.CHECKS_DISABLED, e.getKey() + " adds `" + line.strip() + "`"));
        }
        if (isTestCode(e.getKey(), in.testHarness()) && SKIPPING.matcher(line).find()) {
          out.add(
              new Violation(
                  Rule.TEST_WEAKENING,
                  e.getKey() + " skips or disables a test: `" + line.strip() + "`"));
        }
      }
    }
    for (var e : diff.removed().entrySet()) {
      String file = e.getKey();
      List<String> added = diff.added().getOrDefault(file, List.of());
      long assertsRemoved = e.getValue().stream().filter(l -> ASSERTION.matcher(l).find()).count();
      long assertsAdded = added.stream().filter(l -> ASSERTION.matcher(l).find()).count();
      if (isTestCode(file, in.testHarness())) {
        if (assertsRemoved > assertsAdded) {
          out.add(
              new Violation(
                  Rule.TEST_WEAKENING,
                  file
                      + " removes "
                      + (assertsRemoved - assertsAdded)
                      + " test or assertion line(s)"));
        } else if (!intended
            && !AssertionEdits.unexplained(
                    e.getValue().stream().filter(l -> ASSERTION.matcher(l).find()).toList(),
                    added.stream().filter(l -> ASSERTION.matcher(l).find()).toList(),
                    in.fixes().stream().noneMatch(Fix::byLlm))
                .isEmpty()) {
          out.add(
              new Violation(
                  Rule.TEST_WEAKENING,
                  file
                      + " changes an assertion; allowed only for a declared,"
                      + " intended output change that selfheal's own analysis established"));
        }
        if (loosened(e.getValue(), added)) {
          out.add(new Violation(Rule.TEST_WEAKENING, file + " loosens a tolerance"));
        }
      }
      if (lowered(e.getValue(), added)) {
        out.add(new Violation(Rule.CHECKS_DISABLED, file + " lowers a quality threshold"));
      }
    }
    return out;
  }

  /** A changed line counts as this many characters' worth: one huge line is not one line. */
  static final int CHARS_PER_LINE = 200;

  private static long changedCharacters(String diff) {
    long n = 0;
    int i = 0;
    while (i < diff.length()) {
      int end = diff.indexOf('\n', i);
      if (end < 0) {
        end = diff.length();
      }
      char c = diff.charAt(i);
      if ((c == '+' && !diff.startsWith("+++ ", i)) || (c == '-' && !diff.startsWith("--- ", i))) {
        n += end - i - 1;
      }
      i = end + 1;
    }
    return n;
  }

  /** Tests, their helpers and resources, and the harness that runs them. */
  static boolean isTestCode(String file, Set<String> harness) {
    return TEST_FILE.matcher(file).find() || harness.contains(file);
  }

  /**
   * The path rules alone, judged on the edits' names without touching the disk: for a candidate
   * whose edits could not even be previewed (a path that cannot be a file), so the refusal is said
   * as a guardrail's, with its reason.
   */
  public static List<Violation> pathsOf(
      List<Fix> fixes, dev.selfheal.config.SelfhealConfig.Safety s, Path repo) {
    List<Violation> out = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>();
    fixes.forEach(f -> f.edits().forEach(e -> files.add(e.file())));
    for (String f : files) {
      java.util.Optional<Violation> path = pathViolation(repo, f);
      if (path.isPresent()) {
        out.add(path.get());
      } else if (s.isForbidden(f)) {
        out.add(new Violation(Rule.FORBIDDEN_PATHS, f + " matches a forbidden path"));
      }
    }
    return out;
  }

  /**
   * A path that is not canonical, is git's own state, or is reached through a link; guards match
   * only canonical paths, so nothing is normalised here.
   */
  private static java.util.Optional<Violation> pathViolation(Path repo, String file) {
    java.util.Optional<String> bad = RepoPath.problem(file);
    if (bad.isPresent()) {
      return java.util.Optional.of(new Violation(Rule.PATH_ESCAPE, bad.get()));
    }
    if (RepoPath.isGitInternal(file)) {
      return java.util.Optional.of(
          new Violation(Rule.FORBIDDEN_PATHS, file + " is inside .git (always forbidden)"));
    }
    try {
      RepoPath.inside(repo, file);
    } catch (RepoPath.Refused r) {
      return java.util.Optional.of(new Violation(Rule.PATH_ESCAPE, r.getMessage()));
    }
    return java.util.Optional.empty();
  }

  private static boolean loosened(List<String> removed, List<String> added) {
    return compareNumbers(removed, added, TOLERANCE, true);
  }

  private static boolean lowered(List<String> removed, List<String> added) {
    return compareNumbers(removed, added, THRESHOLD, false);
  }

  /**
   * A line that names a tolerance or threshold and whose number went up (loosen) or down (lower).
   */
  private static boolean compareNumbers(
      List<String> removed, List<String> added, Pattern key, boolean upIsBad) {
    for (String r : removed) {
      if (!key.matcher(r).find()) {
        continue;
      }
      for (String a : added) {
        if (!key.matcher(a).find()) {
          continue;
        }
        List<Double> before = numbers(r);
        List<Double> after = numbers(a);
        if (before.size() == after.size()) {
          for (int i = 0; i < before.size(); i++) {
            double b = before.get(i);
            double x = after.get(i);
            if (upIsBad ? x > b : x < b) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static List<Double> numbers(String line) {
    List<Double> out = new ArrayList<>();
    var m = NUMBER.matcher(line);
    while (m.find()) {
      out.add(Double.parseDouble(m.group()));
    }
    return out;
  }
}
