package dev.selfheal.pipeline;

import dev.selfheal.deliver.FixBranch;
import dev.selfheal.github.GitHub;
import dev.selfheal.github.GitHubException;
import dev.selfheal.github.GitHubSettings;
import dev.selfheal.github.WorkflowRun;
import dev.selfheal.vcs.Git;
import dev.selfheal.vcs.Remote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code --pr} heal proposes against, settled before any work: the branch that failed and
 * its commit (from the {@code workflow_run} event, the run asked for, or the local checkout), the
 * GitHub repository and token, and the reasons not to start at all.
 */
record PrTarget(
    GitHub github, Remote origin, String branch, String failingCommit, WorkflowRun run) {

  /** Not an error, a reason to propose nothing: said in the report, exit 3. */
  static final class Refusal extends Exception {
    Refusal(String message) {
      super(message);
    }
  }

  /**
   * The failing run from the environment: a {@code workflow_run} event's payload at {@code
   * GITHUB_EVENT_PATH}, else the run asked for with {@code --github-run}.
   */
  static Optional<WorkflowRun> failingRun(Map<String, String> env, Optional<GitHub> gh, Long runId)
      throws UsageException {
    String event = env.get("GITHUB_EVENT_PATH");
    if (event != null && !event.isBlank() && Files.isRegularFile(Path.of(event))) {
      try {
        Optional<WorkflowRun> r = WorkflowRun.fromEvent(Path.of(event));
        if (r.isPresent()) {
          return r;
        }
      } catch (IOException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (runId != null && gh.isPresent()) {
      try {
        return Optional.of(gh.get().run(runId));
      } catch (GitHubException e) {
        throw new UsageException("--github-run " + runId + ": " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  static GitHubSettings settings(Map<String, String> env, Git git) {
    return GitHubSettings.from(
        env, git.remoteUrl("origin").map(GitHubSettings::repositoryOf).orElse(null));
  }

  static PrTarget resolve(
      Environment env,
      Git git,
      GitHub gh,
      Optional<WorkflowRun> run,
      dev.selfheal.config.Author author)
      throws UsageException, Refusal, IOException {
    GitHubSettings s = gh.settings();
    if (s.token() == null) {
      throw new UsageException(
          "--pr needs a GitHub token: set SELFHEAL_GITHUB_TOKEN (a GitHub App or fine-grained"
              + " token) or GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ github.token }}`)");
    }
    if (git.remoteUrl("origin").isEmpty()) {
      throw new UsageException(
          "--pr pushes the fix to the remote `origin`, and this repository has none");
    }
    if (!git.changedTracked().isEmpty() || !git.untracked().isEmpty()) {
      throw new UsageException(
          "--pr proposes a fix for a commit, and the working tree has changes: commit or stash"
              + " them first (or heal them with --dry-run / --apply)");
    }
    String head = git.head();
    String branch;
    String failing;
    if (run.isPresent()) {
      WorkflowRun r = run.get();
      if (r.headRepository() != null && !r.headRepository().equalsIgnoreCase(s.repository())) {
        throw new Refusal(
            "the failing branch comes from the fork "
                + r.headRepository()
                + ": its code must not run with this repository's secrets; selfheal does not heal"
                + " forks");
      }
      branch = r.headBranch();
      failing = r.headSha();
      if (branch == null || failing == null) {
        throw new UsageException("the workflow run names no head_branch/head_sha");
      }
      if (!failing.equals(head)) {
        throw new UsageException(
            "the checkout is at "
                + head
                + " but the run failed at "
                + failing
                + ": check out the failing commit (actions/checkout with `ref: ${{"
                + " github.event.workflow_run.head_sha }}`)");
      }
    } else {
      branch = git.currentBranch().orElse(null);
      if (branch == null && "push".equals(env.env().get("GITHUB_EVENT_NAME"))) {
        branch = env.env().get("GITHUB_REF_NAME");
      }
      if (branch == null) {
        throw new UsageException(
            "cannot tell which branch failed: HEAD is detached; check out the branch, or run"
                + " from a workflow_run job (GITHUB_EVENT_PATH) or with --github-run RUN_ID");
      }
      failing = head;
    }
    if (FixBranch.isFixBranch(branch) || author.isOwn(git.authorEmail(failing))) {
      throw new Refusal(
          "the failing commit "
              + failing
              + " on "
              + branch
              + " is selfheal's own: a fix that fails is for a person to look at, not to heal again");
    }
    Remote origin = new Remote(git, "origin", s.token());
    checkNotMoved(origin, branch, failing);
    return new PrTarget(gh, origin, branch, failing, run.orElse(null));
  }

  /** The failure may be fixed already when the branch has moved on: say so and stop. */
  static void checkNotMoved(Remote origin, String branch, String failing)
      throws Refusal, IOException, UsageException {
    Optional<String> tip = origin.branchTip(branch);
    if (tip.isEmpty()) {
      throw new UsageException(
          "the branch " + branch + " is not on origin: push it first, a PR needs a base branch");
    }
    if (!tip.get().equals(failing)) {
      throw new Refusal(
          branch
              + " has moved past the failing commit "
              + failing
              + " (origin has "
              + tip.get()
              + "): the failure may be fixed already; nothing is proposed");
    }
  }

  void checkNotMoved() throws Refusal, IOException, UsageException {
    checkNotMoved(origin, branch, failingCommit);
  }
}
