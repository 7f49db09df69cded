package dev.selfheal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.deliver.FixBranch;
import dev.selfheal.deliver.ReportBlock;
import dev.selfheal.github.GitHub;
import dev.selfheal.github.GitHubException;
import dev.selfheal.github.GitHubSettings;
import dev.selfheal.github.PullRequest;
import dev.selfheal.model.Category;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Status;
import dev.selfheal.record.Attempt;
import dev.selfheal.record.History;
import dev.selfheal.record.HistoryException;
import dev.selfheal.vcs.Git;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code selfheal sync}: brings what became of selfheal's PRs into the history (merged, closed,
 * further commits after selfheal's, how CI ended on the branch), and imports a PR with no local
 * record from the report block in its body, so ephemeral CI runners still build a history.
 */
public final class HistorySync {
  private HistorySync() {}

  public record Summary(int checked, int updated, int imported, List<String> problems) {}

  public static Summary run(Environment env, Path repo) throws UsageException {
    GitHubSettings s = PrTarget.settings(env.env(), new Git(env.runner(), repo));
    if (s.repository() == null) {
      throw new UsageException(
          "which GitHub repository? set GITHUB_REPOSITORY=owner/name (origin's URL names none)");
    }
    GitHub gh = new GitHub(s, env.clock());
    History history;
    try {
      history = History.open(env.env(), env.stateDir(), env.redactor());
    } catch (HistoryException e) {
      throw new UsageException(e.getMessage());
    }
    dev.selfheal.config.Author author;
    try {
      author = dev.selfheal.config.ConfigLoader.load(repo, null).delivery().author();
    } catch (dev.selfheal.config.ConfigException e) {
      author = dev.selfheal.config.Author.DEFAULT; // the known identities still count as selfheal's
    }
    try {
      return sync(gh, history, env.clock().instant(), author);
    } catch (GitHubException e) {
      throw new UsageException("sync: " + e.getMessage());
    } catch (HistoryException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static Summary sync(GitHub gh, History history, Instant now)
      throws GitHubException, HistoryException {
    return sync(gh, history, now, dev.selfheal.config.Author.DEFAULT);
  }

  static Summary sync(GitHub gh, History history, Instant now, dev.selfheal.config.Author author)
      throws GitHubException, HistoryException {
    String marker = "/" + gh.settings().repository() + "/pull/";
    Map<String, Attempt> recorded =
        history.attempts(null, null).stream()
            .filter(a -> a.prUrl() != null && a.prUrl().contains(marker))
            .collect(Collectors.toMap(Attempt::prUrl, Function.identity(), (a, b) -> b));
    List<String> problems = new ArrayList<>();
    int updated = 0;
    int imported = 0;
    List<PullRequest> prs = gh.pullsWithHeadPrefix(FixBranch.PREFIX);
    for (PullRequest pr : prs) {
      if (!recorded.containsKey(pr.htmlUrl())) {
        JsonNode report = ReportBlock.report(pr.body()).orElse(null);
        if (report == null) {
          problems.add(pr.htmlUrl() + ": no selfheal report block in its body; not imported");
          continue;
        }
        history.record(fromReport(report, pr, gh.settings().repository()));
        imported++;
      }
      Attempt.PrOutcome outcome = outcome(gh, pr, now, author);
      Attempt known = recorded.get(pr.htmlUrl());
      if (known == null || !same(known.pr(), outcome)) {
        history.updatePr(pr.htmlUrl(), outcome);
        updated++;
      }
    }
    return new Summary(prs.size(), updated, imported, problems);
  }

  private static boolean same(Attempt.PrOutcome a, Attempt.PrOutcome b) {
    return a.state() == b.state()
        && java.util.Objects.equals(a.furtherCommits(), b.furtherCommits())
        && a.ci() == b.ci();
  }

  static Attempt.PrOutcome outcome(
      GitHub gh, PullRequest pr, Instant now, dev.selfheal.config.Author author)
      throws GitHubException {
    Attempt.PrState state =
        pr.merged()
            ? Attempt.PrState.MERGED
            : pr.open() ? Attempt.PrState.OPEN : Attempt.PrState.CLOSED;
    boolean further = gh.pullCommitEmails(pr.number()).stream().anyMatch(e -> !author.isOwn(e));
    Attempt.CiConclusion ci =
        gh.latestConclusion(pr.headRef())
            .map(
                c ->
                    switch (c) {
                      case "success" -> Attempt.CiConclusion.SUCCESS;
                      case "failure", "timed_out" -> Attempt.CiConclusion.FAILURE;
                      default -> null; // cancelled, skipped, neutral: says nothing about the fix
                    })
            .orElse(null);
    return new Attempt.PrOutcome(state, further, ci, now);
  }

  /** A heal rebuilt from the report a PR carries. */
  static Attempt fromReport(JsonNode r, PullRequest pr, String repository) {
    List<Attempt.FailureRef> failures = new ArrayList<>();
    for (JsonNode f : r.path("failures")) {
      try {
        failures.add(
            new Attempt.FailureRef(
                FailureKind.fromWire(f.path("kind").asText()),
                f.path("fingerprint").asText(),
                f.path("file").isTextual() ? f.path("file").asText() : null));
      } catch (IllegalArgumentException e) {
        // a failure of a kind this version does not know: the rest of the record still counts
      }
    }
    Set<String> strategies = new LinkedHashSet<>();
    Set<String> files = new LinkedHashSet<>();
    Category category = null;
    for (JsonNode f : r.path("fixes")) {
      strategies.add(f.path("strategy").asText());
      f.path("edits").forEach(e -> files.add(e.path("file").asText()));
      if (category == null) {
        category = category(f.path("diagnosis").path("failure_type").asText());
      }
    }
    JsonNode t = r.path("timings_ms");
    JsonNode llm = r.path("llm");
    Status status;
    try {
      status = Status.fromWire(r.path("status").asText());
    } catch (IllegalArgumentException e) {
      status = Status.HEALED; // a PR exists only for a validated fix
    }
    return new Attempt(
        "pr-" + pr.number() + "-" + hash(pr.htmlUrl()),
        repository,
        r.path("base_commit").asText(null),
        pr.baseRef(),
        pr.createdAt() == null ? Instant.EPOCH : Instant.parse(pr.createdAt()),
        status,
        category,
        strategies.isEmpty() ? null : String.join("+", strategies),
        r.path("message").asText(null),
        Math.max(0, r.path("validation").path("attempts").asInt(1) - 1),
        r.path("patch").path("files_changed").asInt(files.size()),
        r.path("patch").path("lines_changed").asInt(0),
        List.copyOf(files),
        new Attempt.Timings(
            t.path("detect").asLong(),
            t.path("diagnose").asLong(),
            t.path("fix").asLong(),
            t.path("validate").asLong(),
            t.path("deliver").asLong(),
            t.path("total").asLong()),
        llm.path("calls").asInt(0) > 0 ? llm.path("model").asText(null) : null,
        llm.path("input_tokens").asLong(),
        llm.path("output_tokens").asLong(),
        llm.path("cost_usd").asDouble(),
        pr.htmlUrl(),
        Attempt.PrOutcome.UNKNOWN,
        failures);
  }

  private static Category category(String word) {
    try {
      return Category.fromWire(word);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String hash(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
