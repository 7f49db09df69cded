package dev.selfheal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge gate: trips when the overall score drops by more than {@code maxRegression} points, or
 * a slice of at least 5 cases drops by more than that <em>and</em> by more than one case. With
 * selected slices, only those are compared; a selection by case id or id prefix ({@code hand},
 * {@code gen/library}) is not a slice, so its cases are compared like the overall score, over the
 * cases both runs hold.
 */
public final class Gate {
  static final int MIN_SLICE = 5;

  private Gate() {}

  public record Verdict(
      boolean tripped,
      List<String> reasons,
      List<String> flippedToFail,
      List<String> flippedToPass) {}

  public static Verdict compare(
      Scorecard now, Scorecard baseline, double maxRegression, Set<String> selected) {
    List<String> reasons = new ArrayList<>();
    if (selected.isEmpty()) {
      double drop = baseline.score() - now.score();
      if (drop > maxRegression) {
        reasons.add(
            String.format(
                java.util.Locale.ROOT,
                "overall: %.1f → %.1f (−%.1f points, more than %.1f)",
                baseline.score(),
                now.score(),
                drop,
                maxRegression));
      }
    }
    for (Map.Entry<String, Scorecard.Slice> e : now.slices().entrySet()) {
      Scorecard.Slice was = baseline.slices().get(e.getKey());
      Scorecard.Slice is = e.getValue();
      if (was == null || (!selected.isEmpty() && !selected.contains(e.getKey()))) {
        continue;
      }
      if (Math.min(was.cases(), is.cases()) < MIN_SLICE) {
        continue;
      }
      double drop = was.score() - is.score();
      // Scores are rounded to a tenth: count the passing cases back as whole cases.
      long casesLost =
          Math.round(was.score() * was.cases() / 100.0)
              - Math.round(is.score() * is.cases() / 100.0);
      if (drop > maxRegression && casesLost > 1) {
        reasons.add(
            String.format(
                java.util.Locale.ROOT,
                "slice %s: %.1f → %.1f (−%.1f points, %d case(s) fewer)",
                e.getKey(),
                was.score(),
                is.score(),
                drop,
                casesLost));
      }
    }
    for (String sel : selected) {
      if (!now.slices().containsKey(sel)) {
        bySelection(sel, now, baseline, maxRegression).ifPresent(reasons::add);
      }
    }
    List<String> toFail = new ArrayList<>();
    List<String> toPass = new ArrayList<>();
    Map<String, Boolean> before = new java.util.HashMap<>();
    baseline.results().forEach(r -> before.put(r.id(), r.passed()));
    for (Scorecard.CaseResult r : now.results()) {
      Boolean b = before.get(r.id());
      if (b != null && b && !r.passed()) {
        toFail.add(r.id());
      } else if (b != null && !b && r.passed()) {
        toPass.add(r.id());
      }
    }
    return new Verdict(!reasons.isEmpty(), reasons, toFail, toPass);
  }

  /** The pass rate, before and now, over the cases both runs hold that {@code which} selects. */
  record Shared(int cases, double was, double is) {
    static Shared of(
        Scorecard now, Scorecard baseline, java.util.function.Predicate<String> which) {
      Map<String, Boolean> before = new java.util.HashMap<>();
      baseline.results().stream()
          .filter(r -> which.test(r.id()))
          .forEach(r -> before.put(r.id(), r.passed()));
      List<Scorecard.CaseResult> shared =
          now.results().stream().filter(r -> before.containsKey(r.id())).toList();
      return new Shared(
          shared.size(),
          Scorecard.points(shared.stream().filter(r -> before.get(r.id())).count(), shared.size()),
          Scorecard.points(
              shared.stream().filter(Scorecard.CaseResult::passed).count(), shared.size()));
    }
  }

  private static java.util.Optional<String> bySelection(
      String sel, Scorecard now, Scorecard baseline, double maxRegression) {
    Shared sh = Shared.of(now, baseline, id -> selects(sel, id));
    double drop = sh.was() - sh.is();
    if (sh.cases() == 0 || drop <= maxRegression) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        String.format(
            java.util.Locale.ROOT,
            "%s (%d case(s) in both runs): %.1f → %.1f (−%.1f points, more than %.1f)",
            sel,
            sh.cases(),
            sh.was(),
            sh.is(),
            drop,
            maxRegression));
  }

  private static boolean selects(String sel, String id) {
    return id.equals(sel) || id.startsWith(sel + "/");
  }
}
