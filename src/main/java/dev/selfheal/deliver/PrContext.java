package dev.selfheal.deliver;

import java.util.List;
import java.util.Objects;

/**
 * Where a fix comes from, for the reviewer: the failing run and its failed jobs, the exact commands
 * that failed and then passed, the commit that broke the build and who wrote it, the fix branch to
 * try locally, and the selfheal version that proposed it.
 *
 * @param runUrl the failing CI run's page, or null when not healed from a run
 * @param command the check command: failed before the fix, passed after it
 * @param targetedCommand the command that re-ran the failing tests, or null
 * @param breaking the commit that broke the build, or null when unknown
 */
public record PrContext(
    String runUrl,
    List<Link> failedJobs,
    String command,
    String targetedCommand,
    Commit breaking,
    String fixBranch,
    String version,
    List<String> preExisting) {
  public PrContext {
    failedJobs = List.copyOf(failedJobs);
    preExisting = List.copyOf(preExisting);
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(fixBranch, "fixBranch");
    Objects.requireNonNull(version, "version");
  }

  public record Link(String name, String url) {}

  /** A commit: its short sha, subject and author, and the author's GitHub login when known. */
  public record Commit(String sha, String subject, String author, String login) {
    public String shortSha() {
      return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
  }
}
