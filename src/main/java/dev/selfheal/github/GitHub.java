package dev.selfheal.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The GitHub REST calls selfheal makes, typed. The only code in selfheal that talks to GitHub. */
public final class GitHub {
  private final GitHubSettings settings;
  private final GitHubHttp http;

  public GitHub(GitHubSettings settings, Clock clock) {
    this(settings, clock, d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(90));
  }

  /**
   * @param maxWait the longest pause for a rate limit; beyond it the call gives up saying until
   *     when
   */
  public GitHub(GitHubSettings settings, Clock clock, Sleeper sleeper, Duration maxWait) {
    if (settings.repository() == null) {
      throw new IllegalArgumentException("no repository: set GITHUB_REPOSITORY=owner/name");
    }
    this.settings = settings;
    this.http = new GitHubHttp(settings, clock, sleeper, maxWait);
  }

  /** How to wait for a rate limit to pass; tests replace it. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public GitHubSettings settings() {
    return settings;
  }

  private String repo() {
    return "/repos/" + settings.repository();
  }

  /** Every pull request (open and closed) whose head branch is in this repository and starts so. */
  public List<PullRequest> pullsWithHeadPrefix(String prefix) throws GitHubException {
    List<PullRequest> out = new ArrayList<>();
    for (JsonNode n :
        http.getAll(repo() + "/pulls?state=all&per_page=100&sort=created&direction=desc", null)) {
      PullRequest p = PullRequest.of(n);
      String headRepo = n.path("head").path("repo").path("full_name").asText(null);
      boolean ours = headRepo == null || headRepo.equalsIgnoreCase(settings.repository());
      if (ours && p.headRef().startsWith(prefix)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The open pull request from {@code branch} (of this repository), if any. */
  public Optional<PullRequest> openPullFrom(String branch) throws GitHubException {
    String head = settings.owner().orElseThrow() + ":" + branch;
    List<JsonNode> found =
        http.getAll(repo() + "/pulls?state=open&per_page=100&head=" + encode(head), null);
    return found.stream().map(PullRequest::of).filter(p -> p.headRef().equals(branch)).findFirst();
  }

  public PullRequest pull(int number) throws GitHubException {
    return PullRequest.of(http.get(repo() + "/pulls/" + number));
  }

  /** The author and committer emails of a PR's commits, in order. */
  public List<String> pullCommitEmails(int number) throws GitHubException {
    List<String> out = new ArrayList<>();
    for (JsonNode c : http.getAll(repo() + "/pulls/" + number + "/commits?per_page=100", null)) {
      out.add(c.path("commit").path("author").path("email").asText(""));
      out.add(c.path("commit").path("committer").path("email").asText(""));
    }
    return out;
  }

  /** How the newest finished Actions run on a branch ended ({@code success}, {@code failure}…). */
  public Optional<String> latestConclusion(String branch) throws GitHubException {
    JsonNode runs =
        http.get(repo() + "/actions/runs?status=completed&per_page=1&branch=" + encode(branch));
    for (JsonNode n : runs.path("workflow_runs")) {
      return Optional.ofNullable(n.path("conclusion").asText(null));
    }
    return Optional.empty();
  }

  public PullRequest createPull(String title, String head, String base, String body)
      throws GitHubException {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("title", title);
    req.put("head", head);
    req.put("base", base);
    req.put("body", body);
    req.put("maintainer_can_modify", true);
    return PullRequest.of(http.post(repo() + "/pulls", req));
  }

  public void updatePullBody(int number, String body) throws GitHubException {
    http.patch(repo() + "/pulls/" + number, Map.of("body", body));
  }

  public void addLabels(int number, List<String> labels) throws GitHubException {
    if (!labels.isEmpty()) {
      http.post(repo() + "/issues/" + number + "/labels", Map.of("labels", labels));
    }
  }

  /** Users by login, teams as {@code org/team} (GitHub wants the team's slug alone). */
  public void requestReviewers(int number, List<String> reviewers) throws GitHubException {
    List<String> users = new ArrayList<>();
    List<String> teams = new ArrayList<>();
    for (String r : reviewers) {
      if (r.contains("/")) {
        teams.add(r.substring(r.indexOf('/') + 1));
      } else {
        users.add(r);
      }
    }
    if (!users.isEmpty() || !teams.isEmpty()) {
      http.post(
          repo() + "/pulls/" + number + "/requested_reviewers",
          Map.of("reviewers", users, "team_reviewers", teams));
    }
  }

  public void comment(int number, String body) throws GitHubException {
    http.post(repo() + "/issues/" + number + "/comments", Map.of("body", body));
  }

  public WorkflowRun run(long runId) throws GitHubException {
    return WorkflowRun.of(http.get(repo() + "/actions/runs/" + runId));
  }

  /** A run's jobs (the latest attempt of each). */
  public List<Job> jobs(long runId) throws GitHubException {
    List<Job> out = new ArrayList<>();
    for (JsonNode n :
        http.getAll(
            repo() + "/actions/runs/" + runId + "/jobs?filter=latest&per_page=100", "jobs")) {
      out.add(
          new Job(
              n.path("id").asLong(),
              n.path("name").asText(),
              n.path("conclusion").asText(""),
              n.path("html_url").asText(null)));
    }
    return out;
  }

  public record Job(long id, String name, String conclusion, String htmlUrl) {
    public boolean failed() {
      return conclusion.equals("failure") || conclusion.equals("timed_out");
    }
  }

  /**
   * Downloads a job's log to {@code target}, GitHub Actions' timestamp prefixes stripped. The API
   * answers with a redirect to a short-lived URL, followed without the token.
   */
  public void downloadJobLog(long jobId, Path target) throws GitHubException, IOException {
    try (InputStream in = http.download(repo() + "/actions/jobs/" + jobId + "/logs");
        OutputStream out = Files.newOutputStream(target)) {
      LogLines.copyStripped(in, out);
    }
  }

  /** The newest successful run of a workflow on a branch: the last commit known good. */
  public Optional<WorkflowRun> lastSuccess(long workflowId, String branch) throws GitHubException {
    JsonNode runs =
        http.get(
            repo()
                + "/actions/workflows/"
                + workflowId
                + "/runs?status=success&per_page=1&branch="
                + encode(branch));
    for (JsonNode n : runs.path("workflow_runs")) {
      return Optional.of(WorkflowRun.of(n));
    }
    return Optional.empty();
  }

  /** Starts a workflow that accepts {@code workflow_dispatch} on a branch. */
  /**
   * The GitHub login of a commit's author, when GitHub matched the commit's email to an account
   * (empty for an unmatched email).
   */
  public Optional<String> commitAuthorLogin(String sha) throws GitHubException {
    JsonNode c = http.get(repo() + "/commits/" + sha);
    String login = c.path("author").path("login").asText(null);
    return login == null || login.isBlank() ? Optional.empty() : Optional.of(login);
  }

  public void dispatch(String workflowIdOrFile, String ref) throws GitHubException {
    http.post(
        repo() + "/actions/workflows/" + encode(workflowIdOrFile) + "/dispatches",
        Map.of("ref", ref));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
