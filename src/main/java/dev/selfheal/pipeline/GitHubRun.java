package dev.selfheal.pipeline;

import dev.selfheal.github.GitHub;
import dev.selfheal.github.GitHubException;
import dev.selfheal.github.GitHubSettings;
import dev.selfheal.github.WorkflowRun;
import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub side of a heal, when there is one: the API client, the failed Actions run (from the
 * {@code workflow_run} event or {@code --github-run}), its failed jobs' logs, and the last commit
 * whose CI passed.
 */
final class GitHubRun {
  private final Optional<GitHub> github;
  private final Optional<WorkflowRun> run;
  private final Long runId;

  private GitHubRun(Optional<GitHub> github, Optional<WorkflowRun> run, Long runId) {
    this.github = github;
    this.run = run;
    this.runId = runId;
  }

  static GitHubRun open(Environment env, Path repo, HealRequest req) throws UsageException {
    boolean wanted = req.mode() == HealReport.DeliveryMode.PR || req.githubRun() != null;
    if (!wanted) {
      return new GitHubRun(Optional.empty(), Optional.empty(), null);
    }
    GitHubSettings s = PrTarget.settings(env.env(), new Git(env.runner(), repo));
    if (s.repository() == null) {
      throw new UsageException(
          "which GitHub repository? set GITHUB_REPOSITORY=owner/name (origin's URL names none)");
    }
    Optional<GitHub> gh = Optional.of(new GitHub(s, env.clock()));
    Optional<WorkflowRun> run = PrTarget.failingRun(env.env(), gh, req.githubRun());
    if (req.githubRun() != null && run.isPresent() && run.get().id() != req.githubRun()) {
      try {
        run = Optional.of(gh.get().run(req.githubRun())); // the run asked for, not the event's
      } catch (GitHubException e) {
        throw new UsageException("--github-run " + req.githubRun() + ": " + e.getMessage());
      }
    }
    return new GitHubRun(gh, run, req.githubRun());
  }

  Optional<GitHub> github() {
    return github;
  }

  Optional<WorkflowRun> run() {
    return run;
  }

  private List<dev.selfheal.deliver.PrContext.Link> failedJobs = List.of();

  /** The failed jobs whose logs {@link #downloadLogs} read, with their pages. */
  List<dev.selfheal.deliver.PrContext.Link> failedJobs() {
    return failedJobs;
  }

  /**
   * With {@code --github-run}: the failed jobs' logs, one after the other in one file under the run
   * folder; null without.
   */
  Path downloadLogs(Path runDir, Progress progress) throws UsageException, IOException {
    if (runId == null) {
      return null;
    }
    GitHub gh = github.orElseThrow();
    progress.start("detect", "downloading the failed jobs' logs of run " + runId);
    try {
      List<GitHub.Job> failed = gh.jobs(runId).stream().filter(GitHub.Job::failed).toList();
      failedJobs =
          failed.stream()
              .filter(j -> j.htmlUrl() != null)
              .map(j -> new dev.selfheal.deliver.PrContext.Link(j.name(), j.htmlUrl()))
              .toList();
      if (failed.isEmpty()) {
        throw new UsageException(
            "--github-run " + runId + ": no job of that run failed; nothing to heal from it");
      }
      Path all = runDir.resolve("ci-log.txt");
      try (OutputStream out = Files.newOutputStream(all)) {
        for (GitHub.Job j : failed) {
          Path one = runDir.resolve("ci-log-" + j.id() + ".txt");
          gh.downloadJobLog(j.id(), one);
          try (InputStream in = Files.newInputStream(one)) {
            in.transferTo(out);
          }
          Files.delete(one);
        }
      }
      progress.done("detect", failed.size() + " failed job log(s) downloaded");
      return all;
    } catch (GitHubException e) {
      throw new UsageException("--github-run " + runId + ": " + e.getMessage());
    }
  }

  /**
   * The last commit whose CI passed on the failing branch (from the Actions API), else the merge
   * base with the branch a pull request targets; null lets the workspace use HEAD's parent.
   */
  String goodCommit(Git git, List<String> notices) {
    if (run.isEmpty()) {
      return null;
    }
    WorkflowRun r = run.get();
    if (github.isPresent() && r.workflowId() != 0 && r.headBranch() != null) {
      try {
        Optional<WorkflowRun> ok = github.get().lastSuccess(r.workflowId(), r.headBranch());
        if (ok.isPresent() && git.resolve(ok.get().headSha()).isPresent()) {
          return ok.get().headSha();
        }
      } catch (GitHubException e) {
        notices.add("no last green commit from the Actions API: " + e.getMessage());
      }
    }
    for (String base : r.pullRequestBases()) {
      Optional<String> ref = git.resolve("origin/" + base);
      if (ref.isPresent()) {
        try {
          return git.run("merge-base", ref.get(), "HEAD").strip();
        } catch (IOException e) {
          return null;
        }
      }
    }
    return null;
  }
}
