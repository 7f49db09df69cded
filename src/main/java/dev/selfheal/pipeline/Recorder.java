package dev.selfheal.pipeline;

import dev.selfheal.github.GitHubSettings;
import dev.selfheal.model.Category;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.record.Attempt;
import dev.selfheal.record.History;
import dev.selfheal.record.HistoryException;
import dev.selfheal.vcs.Git;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every heal goes into the history; a history that cannot be written never costs the heal. */
final class Recorder {
  private Recorder() {}

  /** Records the heal; returns what went wrong when it could not be recorded. */
  static Optional<String> record(
      Environment env, HealReport r, String runId, Instant startedAt, Path repo, String branch) {
    try {
      History h = History.open(env.env(), env.stateDir(), env.redactor());
      h.record(attempt(r, runId, startedAt, name(env, repo), branch));
      return Optional.empty();
    } catch (HistoryException | RuntimeException e) {
      return Optional.of("the heal was not recorded in the history: " + e.getMessage());
    }
  }

  /**
   * How a repository is named in the history: {@code GITHUB_REPOSITORY} in Actions, else the
   * owner/name of {@code origin}, else its path.
   */
  static String name(Environment env, Path repo) {
    String gh = env.env().get("GITHUB_REPOSITORY");
    if (gh != null && !gh.isBlank()) {
      return gh.strip();
    }
    Git git = new Git(env.runner(), repo);
    return git.remoteUrl("origin").map(GitHubSettings::repositoryOf).orElse(repo.toString());
  }

  static Attempt attempt(HealReport r, String id, Instant startedAt, String repo, String branch) {
    Set<String> strategies = new LinkedHashSet<>();
    Set<String> files = new LinkedHashSet<>();
    for (Fix f : r.fixes()) {
      strategies.add(f.strategy());
      f.edits().forEach(e -> files.add(e.file()));
    }
    Category category =
        !r.fixes().isEmpty()
            ? r.fixes().get(0).diagnosis().failureType()
            : !r.diagnoses().isEmpty()
                ? r.diagnoses().get(0).failureType()
                : r.failures().isEmpty() ? null : Category.of(r.failures().get(0).kind());
    List<Attempt.FailureRef> failures =
        r.failures().stream()
            .map((Failure f) -> new Attempt.FailureRef(f.kind(), f.fingerprint(), f.file()))
            .toList();
    HealReport.Timings t = r.timingsMs();
    return new Attempt(
        id,
        repo,
        r.baseCommit(),
        branch,
        startedAt,
        r.status(),
        category,
        strategies.isEmpty() ? null : String.join("+", strategies),
        r.message(),
        Math.max(0, r.validation().attempts() - 1),
        r.patch().filesChanged(),
        r.patch().linesChanged(),
        List.copyOf(files),
        new Attempt.Timings(
            t.detect(), t.diagnose(), t.fix(), t.validate(), t.deliver(), t.total()),
        r.llm().calls() > 0 ? r.llm().model() : null,
        r.llm().inputTokens(),
        r.llm().outputTokens(),
        r.llm().costUsd(),
        r.delivery().prUrl(),
        r.delivery().prUrl() == null
            ? Attempt.PrOutcome.UNKNOWN
            : new Attempt.PrOutcome(Attempt.PrState.OPEN, false, null, startedAt),
        failures,
        r.failures().isEmpty() ? null : r.failures().get(0).headline());
  }
}
