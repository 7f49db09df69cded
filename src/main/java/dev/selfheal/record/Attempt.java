package dev.selfheal.record;

import dev.selfheal.model.Category;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One heal as the history keeps it: where, what failed, what selfheal did, how long each stage
 * took, what the model cost, and the PR with its later outcome.
 */
public record Attempt(
    String id,
    String repo,
    String commitSha,
    String branch,
    Instant startedAt,
    Status status,
    Category category,
    String strategy,
    String message,
    int retries,
    int filesChanged,
    int linesChanged,
    List<String> filesTouched,
    Timings timings,
    String llmModel,
    long llmInputTokens,
    long llmOutputTokens,
    double llmCostUsd,
    String prUrl,
    PrOutcome pr,
    List<FailureRef> failures,
    String headline) {

  /** Without a headline (heals recorded before there was one). */
  public Attempt(
      String id,
      String repo,
      String commitSha,
      String branch,
      Instant startedAt,
      Status status,
      Category category,
      String strategy,
      String message,
      int retries,
      int filesChanged,
      int linesChanged,
      List<String> filesTouched,
      Timings timings,
      String llmModel,
      long llmInputTokens,
      long llmOutputTokens,
      double llmCostUsd,
      String prUrl,
      PrOutcome pr,
      List<FailureRef> failures) {
    this(
        id,
        repo,
        commitSha,
        branch,
        startedAt,
        status,
        category,
        strategy,
        message,
        retries,
        filesChanged,
        linesChanged,
        filesTouched,
        timings,
        llmModel,
        llmInputTokens,
        llmOutputTokens,
        llmCostUsd,
        prUrl,
        pr,
        failures,
        null);
  }

  /**
   * @param headline the first failure's headline (the test, else where), for a list of heals
   */
  public Attempt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(timings, "timings");
    filesTouched = List.copyOf(filesTouched);
    failures = List.copyOf(failures);
    pr = pr == null ? PrOutcome.UNKNOWN : pr;
    if (id.isBlank() || id.length() > 64) {
      throw new IllegalArgumentException("an attempt id is 1 to 64 characters: " + id);
    }
  }

  /** Stage timings in milliseconds, as in the report. */
  public record Timings(
      long detect, long diagnose, long fix, long validate, long deliver, long total) {
    /** Detection to validated fix: everything but delivery. */
    public long toFix() {
      return total - deliver;
    }
  }

  public record FailureRef(FailureKind kind, String fingerprint, String file) {
    public FailureRef {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }
  }

  /** What became of the PR, as {@code selfheal sync} last saw it. */
  public record PrOutcome(
      PrState state, Boolean furtherCommits, CiConclusion ci, Instant checkedAt) {
    public static final PrOutcome UNKNOWN = new PrOutcome(null, null, null, null);
  }

  public enum PrState {
    OPEN,
    MERGED,
    CLOSED
  }

  public enum CiConclusion {
    SUCCESS,
    FAILURE
  }

  public Attempt withPr(PrOutcome outcome) {
    return new Attempt(
        id,
        repo,
        commitSha,
        branch,
        startedAt,
        status,
        category,
        strategy,
        message,
        retries,
        filesChanged,
        linesChanged,
        filesTouched,
        timings,
        llmModel,
        llmInputTokens,
        llmOutputTokens,
        llmCostUsd,
        prUrl,
        outcome,
        failures,
        headline);
  }

  /**
   * What makes two heals one attempt: the same failures on the same commit of the same repository
   * (a dry run and then {@code --apply}, a CI job run again). A heal outside git is its own.
   */
  public String attemptKey() {
    if (commitSha == null) {
      return "id:" + id;
    }
    java.util.TreeSet<String> fps = new java.util.TreeSet<>();
    failures.forEach(f -> fps.add(f.fingerprint()));
    return repo + "\u0000" + commitSha + "\u0000" + String.join(",", fps);
  }
}
