package dev.selfheal.deliver;

import dev.selfheal.github.GitHub;
import dev.selfheal.github.GitHubException;
import dev.selfheal.github.PullRequest;
import dev.selfheal.vcs.Git;
import dev.selfheal.vcs.Remote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated fix as a pull request: a commit on the failing commit, pushed to a selfheal branch,
 * and one PR against the branch that failed, labelled and with reviewers asked. Never merged. Each
 * step first looks at what is already there, so a re-run is idempotent and a run that failed half
 * way (pushed, no PR) is completed by the next.
 */
public final class PullRequestDelivery {
  private final Git git;
  private final Remote remote;
  private final GitHub github;
  private final Path scratch;

  public PullRequestDelivery(Git git, Remote remote, GitHub github, Path scratch) {
    this.git = git;
    this.remote = remote;
    this.github = github;
    this.scratch = scratch;
  }

  /** What to propose. {@code dispatchWorkflow}: the CI to start on the branch, or null. */
  public record Proposal(
      String failingCommit,
      String targetBranch,
      List<String> files,
      String commitMessage,
      String title,
      String body,
      String updateComment,
      Optional<PullRequest> existing,
      String defaultBranch,
      List<String> labels,
      List<String> reviewers,
      String dispatchWorkflow,
      dev.selfheal.config.Author author) {}

  public record Result(
      String branch,
      String prUrl,
      int prNumber,
      boolean pushed,
      boolean created,
      List<String> notices) {}

  /** Delivery could not finish; the message says what is left and what to do. */
  public static final class DeliveryException extends Exception {
    public DeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public Result deliver(Proposal p) throws DeliveryException {
    List<String> notices = new ArrayList<>();
    String branch = p.existing().map(PullRequest::headRef).orElse(p.defaultBranch());
    if (!FixBranch.isFixBranch(branch)) {
      throw new DeliveryException(
          "refusing to push to "
              + branch
              + ": selfheal pushes only to branches it created ("
              + FixBranch.PREFIX
              + "…)",
          null);
    }
    boolean pushed;
    try {
      pushed = push(p, branch);
    } catch (IOException e) {
      throw new DeliveryException("could not push the fix to " + branch + ": " + e.getMessage(), e);
    }
    try {
      Optional<PullRequest> pr =
          p.existing().isPresent() ? p.existing() : github.openPullFrom(branch);
      boolean created = false;
      PullRequest the;
      if (pr.isPresent()) {
        the = pr.get();
        // The body carries the attempts marker: refreshed on every heal, so the attempt limit and
        // the cooldown hold even when nothing new is pushed; a comment only for a new fix.
        github.updatePullBody(the.number(), p.body());
        if (pushed) {
          github.comment(the.number(), p.updateComment());
        }
      } else {
        the = create(p, branch);
        created = true;
      }
      List<String> missing = p.labels().stream().filter(l -> !the.labels().contains(l)).toList();
      github.addLabels(the.number(), missing);
      if (created) {
        try {
          github.requestReviewers(the.number(), p.reviewers());
        } catch (GitHubException e) {
          notices.add("reviewers not requested: " + e.getMessage());
        }
      }
      if (pushed && p.dispatchWorkflow() != null) {
        try {
          github.dispatch(p.dispatchWorkflow(), branch);
          notices.add(
              "started "
                  + p.dispatchWorkflow()
                  + " on "
                  + branch
                  + " (pushes made with GITHUB_TOKEN start no CI by themselves)");
        } catch (GitHubException e) {
          notices.add("could not start CI on " + branch + ": " + e.getMessage());
        }
      }
      return new Result(branch, the.htmlUrl(), the.number(), pushed, created, notices);
    } catch (GitHubException e) {
      throw new DeliveryException(
          e.getMessage()
              + (pushed
                  ? " (" + branch + " was pushed; the next run opens or updates the PR)"
                  : ""),
          e);
    }
  }

  private PullRequest create(Proposal p, String branch) throws GitHubException {
    try {
      return github.createPull(p.title(), branch, p.targetBranch(), p.body());
    } catch (GitHubException e) {
      if (e.kind() == GitHubException.Kind.UNPROCESSABLE
          && e.getMessage().contains("already exists")) {
        Optional<PullRequest> found = github.openPullFrom(branch);
        if (found.isPresent()) {
          return found.get(); // another run opened it a moment ago
        }
      }
      throw e;
    }
  }

  /**
   * Pushes the fix unless the branch already holds exactly it. A branch with a commit selfheal did
   * not make is a person's work: it is left alone.
   */
  private boolean push(Proposal p, String branch) throws IOException, DeliveryException {
    String commit =
        Remote.commitFiles(
            git, p.failingCommit(), p.files(), p.commitMessage(), scratch, p.author());
    Optional<String> tip = remote.branchTip(branch);
    if (tip.isPresent()) {
      String fetched = remote.fetch(branch);
      if (!Remote.madeBySelfheal(git, fetched, p.author())) {
        throw new DeliveryException(
            branch
                + " on origin has a commit selfheal did not make; it is a person's now and"
                + " selfheal does not push to it. Delete the branch to let selfheal propose again.",
            null);
      }
      boolean same =
          Remote.treeOf(git, fetched).equals(Remote.treeOf(git, commit))
              && git.run("rev-parse", fetched + "^").strip().equals(p.failingCommit());
      if (same) {
        return false;
      }
    }
    remote.push(commit, branch, tip.orElse(null));
    return true;
  }
}
