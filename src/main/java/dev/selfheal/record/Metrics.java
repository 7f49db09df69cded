package dev.selfheal.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.selfheal.model.Category;
import dev.selfheal.model.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The five metrics a team tracks, from the recorded heals. Heals of the same failures on the same
 * commit (a dry run, then {@code --apply}; a CI job run again) are one attempt. A rate whose
 * denominator is still undecided is null — shown as "—" beside the count of PRs still open — never
 * 0.
 *
 * <ul>
 *   <li>{@code attempts}: heals that tried to fix a reproduced failure (healed, not_healed,
 *       rejected; flaky, not reproduced and passing runs are not fix attempts);
 *   <li>{@code auto_fix_rate}: healed / attempts;
 *   <li>{@code time_to_fix_ms}: detection to validated fix, over healed heals (median, p90);
 *   <li>{@code time_to_pr_ms}: the heal's start to its PR, over heals that opened or updated one;
 *   <li>{@code fix_accuracy}: PRs merged without further commits / PRs merged or closed;
 *   <li>{@code false_positive_rate}: PRs closed unmerged, or whose branch then failed CI / PRs so
 *       decided (merged, closed, or CI failed) — an open PR with no CI verdict is undecided;
 *   <li>{@code regression_rate}: healed heals after which, within 7 days and at another commit, the
 *       same fingerprint or a new failure in a file the fix touched was seen again / healed heals
 *       whose fix landed (a PR counts once merged);
 *   <li>{@code open_prs}: PRs still undecided (open, no CI failure known).
 * </ul>
 */
@JsonPropertyOrder({
  "schema",
  "attempts",
  "healed",
  "auto_fix_rate",
  "time_to_fix_ms",
  "time_to_pr_ms",
  "fix_accuracy",
  "false_positive_rate",
  "regression_rate",
  "open_prs",
  "by_category"
})
public record Metrics(
    @JsonInclude(JsonInclude.Include.NON_NULL) String schema,
    int attempts,
    int healed,
    @JsonProperty("auto_fix_rate") Double autoFixRate,
    @JsonProperty("time_to_fix_ms") Spread timeToFixMs,
    @JsonProperty("time_to_pr_ms") Spread timeToPrMs,
    @JsonProperty("fix_accuracy") Double fixAccuracy,
    @JsonProperty("false_positive_rate") Double falsePositiveRate,
    @JsonProperty("regression_rate") Double regressionRate,
    @JsonProperty("open_prs") int openPrs,
    @JsonProperty("by_category") @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, Metrics> byCategory) {

  public static final String SCHEMA = "selfheal.metrics/v1";
  static final Duration REGRESSION_WINDOW = Duration.ofDays(7);

  /** Median and 90th percentile (nearest rank), null when there is nothing to measure. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Spread(Long median, Long p90) {
    static Spread of(List<Long> values) {
      if (values.isEmpty()) {
        return new Spread(null, null);
      }
      List<Long> v = new ArrayList<>(values);
      v.sort(null);
      return new Spread(rank(v, 0.5), rank(v, 0.9));
    }

    private static long rank(List<Long> sorted, double p) {
      int i = (int) Math.ceil(p * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
  }

  public static boolean isFixAttempt(Attempt a) {
    return a.status() == Status.HEALED
        || a.status() == Status.NOT_HEALED
        || a.status() == Status.REJECTED;
  }

  /**
   * One attempt per failure set and commit: of several heals of it, the one that healed (the latest
   * such), else the latest. Order kept.
   */
  public static List<Attempt> dedupe(List<Attempt> attempts) {
    Map<String, Attempt> best = new java.util.LinkedHashMap<>();
    for (Attempt a : attempts) {
      best.merge(
          a.attemptKey(),
          a,
          (was, now) -> was.status() == Status.HEALED && now.status() != Status.HEALED ? was : now);
    }
    Set<Attempt> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    kept.addAll(best.values());
    return attempts.stream().filter(kept::contains).toList();
  }

  /** Overall and per category; {@code all} is every recorded heal (for the regression window). */
  public static Metrics of(List<Attempt> selected, List<Attempt> all) {
    selected = dedupe(selected);
    Map<String, List<Attempt>> byCat = new TreeMap<>();
    for (Attempt a : selected) {
      if (isFixAttempt(a)) {
        byCat.computeIfAbsent(categoryOf(a), k -> new ArrayList<>()).add(a);
      }
    }
    Map<String, Metrics> cats = new TreeMap<>();
    byCat.forEach((k, v) -> cats.put(k, compute(null, v, all, null)));
    return compute(SCHEMA, selected, all, cats);
  }

  public static String categoryOf(Attempt a) {
    return a.category() == null ? Category.BUILD_ERROR.wire() : a.category().wire();
  }

  private static Metrics compute(
      String schema, Collection<Attempt> selected, List<Attempt> all, Map<String, Metrics> cats) {
    List<Attempt> tried = selected.stream().filter(Metrics::isFixAttempt).toList();
    List<Attempt> healed = tried.stream().filter(a -> a.status() == Status.HEALED).toList();
    List<Attempt> prs = healed.stream().filter(a -> a.prUrl() != null).toList();
    List<Attempt> resolved =
        prs.stream()
            .filter(
                a ->
                    a.pr().state() == Attempt.PrState.MERGED
                        || a.pr().state() == Attempt.PrState.CLOSED)
            .toList();
    long accurate =
        resolved.stream()
            .filter(
                a ->
                    a.pr().state() == Attempt.PrState.MERGED
                        && Boolean.FALSE.equals(a.pr().furtherCommits()))
            .count();
    List<Attempt> decided =
        prs.stream()
            .filter(
                a ->
                    a.pr().state() == Attempt.PrState.MERGED
                        || a.pr().state() == Attempt.PrState.CLOSED
                        || a.pr().ci() == Attempt.CiConclusion.FAILURE)
            .toList();
    long falsePositive =
        decided.stream()
            .filter(
                a ->
                    a.pr().state() == Attempt.PrState.CLOSED
                        || a.pr().ci() == Attempt.CiConclusion.FAILURE)
            .count();
    List<Attempt> landed =
        healed.stream()
            .filter(a -> a.prUrl() == null || a.pr().state() == Attempt.PrState.MERGED)
            .toList();
    long regressed = landed.stream().filter(a -> regressed(a, all)).count();
    return new Metrics(
        schema,
        tried.size(),
        healed.size(),
        rate(healed.size(), tried.size()),
        Spread.of(healed.stream().map(a -> a.timings().toFix()).toList()),
        Spread.of(prs.stream().map(a -> a.timings().total()).toList()),
        rate(accurate, resolved.size()),
        rate(falsePositive, decided.size()),
        rate(regressed, landed.size()),
        prs.size() - decided.size(),
        cats);
  }

  /** Seen again within 7 days: the same fingerprint, or a failure in a file the fix touched. */
  static boolean regressed(Attempt healed, List<Attempt> all) {
    if (healed.prUrl() != null && healed.pr().state() != Attempt.PrState.MERGED) {
      return false; // the fix has not landed: the failure coming back says nothing about it
    }
    Set<String> fingerprints = new HashSet<>();
    healed.failures().forEach(f -> fingerprints.add(f.fingerprint()));
    Set<String> touched = new HashSet<>(healed.filesTouched());
    var until = healed.startedAt().plus(REGRESSION_WINDOW);
    for (Attempt later : all) {
      if (!later.repo().equals(healed.repo())
          || !later.startedAt().isAfter(healed.startedAt())
          || java.util.Objects.equals(later.commitSha(), healed.commitSha())
          || later.startedAt().isAfter(until)) {
        continue;
      }
      for (Attempt.FailureRef f : later.failures()) {
        if (fingerprints.contains(f.fingerprint())
            || f.file() != null && touched.contains(f.file())) {
          return true;
        }
      }
    }
    return false;
  }

  private static Double rate(long n, long of) {
    return of == 0 ? null : (double) n / of;
  }
}
