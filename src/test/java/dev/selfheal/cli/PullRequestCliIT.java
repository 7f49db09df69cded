package dev.selfheal.cli;

import static dev.selfheal.testing.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfheal.deliver.ReportBlock;
import dev.selfheal.testing.FakeGitHub;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `selfheal heal --pr` on a real Maven project whose origin is a local bare repository and whose
 * GitHub is a loopback stand-in.
 */
class PullRequestCliIT {
  private static final String TOKEN = "ghs_fakeTokenForTheLoopbackServer0123456789";
  @TempDir Path tmp;
  private Path repo;
  private Path origin;
  private Path state;
  private FakeGitHub gh;

  @BeforeEach
  void setUp() throws IOException {
    origin = tmp.resolve("origin.git");
    Files.createDirectories(origin);
    git(origin, "init", "-q", "--bare", "-b", "main");
    repo = tmp.resolve("shop");
    Files.createDirectories(repo);
    Projects.copy("demo-shop", repo);
    GitRepos.commitAll(repo, "feat: cart");
    git(repo, "branch", "-M", "main");
    git(repo, "remote", "add", "origin", origin.toString());
    git(repo, "push", "-q", "origin", "main");
    state = tmp.resolve("state");
    gh = new FakeGitHub("acme/shop", TOKEN);
  }

  @AfterEach
  void tearDown() {
    gh.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_API_URL", gh.url());
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GITHUB_REPOSITORY", "acme/shop");
    return env;
  }

  private CliRun heal(Map<String, String> env, String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("heal", "--repo", repo.toString(), "--pr", "--no-llm"));
    args.addAll(List.of(more));
    return CliRun.run(env, state, args.toArray(String[]::new));
  }

  @Test
  void opensOnePullRequestWhoseBranchPassesAndASecondRunOpensNone() throws Exception {
    Path report = tmp.resolve("report.json");
    CliRun r = heal(env(), "--report", report.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(gh.pullPosts()).isEqualTo(1);
    ObjectNode pr = gh.pulls.get(0);
    String branch = pr.path("head").path("ref").asText();
    assertThat(branch).matches("selfheal/[0-9a-f]{12}");
    assertThat(pr.path("base").path("ref").asText()).isEqualTo("main");
    assertThat(pr.path("title").asText()).isEqualTo("fix: import java.util.List in Cart.java");
    assertThat(pr.path("labels").toString()).contains("auto-heal");
    String body = pr.path("body").asText();
    assertThat(body)
        .contains("**Root cause:**")
        .contains("type_error")
        .contains("java/missing-import");
    assertThat(body).contains("## Evidence").contains("## Guardrails").contains("## Revert");
    assertThat(body).doesNotContain(TOKEN);
    // What a reviewer acts on: the command that failed and passed, the breaking commit, how to
    // try it, and which selfheal proposed it.
    String head = GitRepos.output(repo, "rev-parse", "HEAD");
    assertThat(body)
        .contains("- **Failed:** `mvn -B verify`")
        .contains("**After, the full command:** `mvn -B verify` passes")
        .contains("- **Broke in:** " + head.substring(0, 7) + " feat: cart — by Test")
        .contains("git fetch origin " + branch + " && git checkout FETCH_HEAD && mvn -B verify")
        .contains("Proposed by selfheal " + dev.selfheal.model.SelfhealVersion.current());
    JsonNode block = ReportBlock.report(body).orElseThrow();
    assertThat(block.path("schema").asText()).isEqualTo("selfheal.report/v1");
    assertThat(block.path("selfheal_version").asText())
        .isEqualTo(dev.selfheal.model.SelfhealVersion.current());
    assertThat(block.toString())
        .as("no runner path in the hidden block")
        .doesNotContain(tmp.toString())
        .doesNotContain(state.toString());
    assertThat(ReportBlock.fingerprints(body)).isNotEmpty();

    JsonNode rep = dev.selfheal.pipeline.Json.mapper().readTree(Files.readString(report));
    assertThat(rep.path("delivery").path("mode").asText()).isEqualTo("pr");
    assertThat(rep.path("delivery").path("branch").asText()).isEqualTo(branch);
    assertThat(rep.path("delivery").path("pr_url").asText())
        .isEqualTo(pr.path("html_url").asText());

    // The branch's tip: one commit by selfheal on the failing commit, and the tests pass there.
    Path check = tmp.resolve("check");
    git(tmp, "clone", "-q", "-b", branch, origin.toString(), check.toString());
    assertThat(GitRepos.output(check, "log", "-1", "--format=%an <%ae> %s"))
        .startsWith("selfheal[bot] <selfheal[bot]@users.noreply.github.com> fix: import");
    assertThat(GitRepos.output(check, "rev-parse", "HEAD^"))
        .isEqualTo(GitRepos.output(repo, "rev-parse", "HEAD"));
    Process mvn =
        new ProcessBuilder("mvn", "-B", "-q", "-o", "verify")
            .directory(check.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(mvn.getInputStream().readAllBytes());
    assertThat(mvn.waitFor()).as(out).isZero();
    // The user's tree was not touched, and no local branch was made.
    assertThat(GitRepos.output(repo, "status", "--porcelain")).isEmpty();
    assertThat(GitRepos.output(repo, "branch", "--list", "selfheal/*")).isEmpty();

    // Again: the cooldown holds it, and nothing new is opened or pushed.
    String tipBefore = GitRepos.output(origin, "rev-parse", branch);
    CliRun again = heal(env());
    assertThat(again.exit()).isEqualTo(3);
    assertThat(again.err()).contains("cooldown");
    assertThat(gh.pullPosts()).isEqualTo(1);
    assertThat(GitRepos.output(origin, "rev-parse", branch)).isEqualTo(tipBefore);
  }

  @Test
  void reRunningWithoutCooldownIsIdempotentAndAClosedPullRequestIsNotProposedAgain()
      throws Exception {
    Path config = tmp.resolve("selfheal.yml");
    Files.writeString(config, "delivery:\n  cooldown_minutes: 0\n  reviewers: [alice]\n");
    assertThat(heal(env(), "--config", config.toString()).exit()).isZero();
    String branch = gh.pulls.get(0).path("head").path("ref").asText();
    String tip = GitRepos.output(origin, "rev-parse", branch);
    assertThat(gh.pulls.get(0).path("requested_reviewers").toString()).contains("alice");

    CliRun second = heal(env(), "--config", config.toString());
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).contains("already proposes this fix");
    // Nothing pushed, but the PR remembers the attempt (for runners that keep no state).
    assertThat(gh.pulls.get(0).path("body").asText()).contains("<!-- selfheal:attempts 2 ");
    assertThat(gh.comments).isEmpty();
    assertThat(gh.pullPosts()).isEqualTo(1);
    assertThat(GitRepos.output(origin, "rev-parse", branch)).isEqualTo(tip);

    gh.pulls.get(0).put("state", "closed"); // a person said no
    CliRun third = heal(env(), "--config", config.toString());
    assertThat(third.exit()).isEqualTo(3);
    assertThat(third.err()).contains("closed #1").contains("unmerged");
    assertThat(gh.pullPosts()).isEqualTo(1);
  }

  @Test
  void stopsAfterMaxAttempts() throws Exception {
    Path config = tmp.resolve("selfheal.yml");
    Files.writeString(
        config, "delivery:\n  cooldown_minutes: 0\n  max_attempts_per_fingerprint: 1\n");
    assertThat(heal(env(), "--config", config.toString()).exit()).isZero();
    CliRun again = heal(env(), "--config", config.toString());
    assertThat(again.exit()).isEqualTo(3);
    assertThat(again.err())
        .contains("max_attempts_per_fingerprint: 1")
        .contains("a person must look");
  }

  @Test
  void aPullRequestCallThatFailsAfterThePushIsCompletedByTheNextRun() throws Exception {
    Path config = tmp.resolve("selfheal.yml");
    Files.writeString(config, "delivery:\n  cooldown_minutes: 0\n");
    gh.failNext.put(
        "POST /repos/acme/shop/pulls",
        new Object[] {
          403,
          "{\"message\":\"GitHub Actions is not permitted to create or approve pull requests.\","
              + "\"documentation_url\":\"https://docs.github.com/rest/pulls/pulls#create-a-pull-request\"}"
        });
    CliRun first = heal(env(), "--config", config.toString());
    assertThat(first.exit()).isEqualTo(3);
    assertThat(first.err())
        .contains("Allow GitHub Actions to create and approve pull requests")
        .contains("was pushed; the next run opens or updates the PR");
    assertThat(gh.pulls).isEmpty();
    assertThat(GitRepos.output(origin, "branch", "--list", "selfheal/*")).isNotEmpty();

    CliRun second = heal(env(), "--config", config.toString());
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(gh.pulls).hasSize(1);
    assertThat(gh.pulls.get(0).path("labels").toString()).contains("auto-heal");
  }

  @Test
  void neverPushesToABranchAPersonChanged() throws Exception {
    Path config = tmp.resolve("selfheal.yml");
    Files.writeString(config, "delivery:\n  cooldown_minutes: 0\n");
    assertThat(heal(env(), "--config", config.toString()).exit()).isZero();
    String branch = gh.pulls.get(0).path("head").path("ref").asText();
    Path person = tmp.resolve("person");
    git(tmp, "clone", "-q", "-b", branch, origin.toString(), person.toString());
    Files.writeString(person.resolve("NOTES.md"), "a person's work\n");
    git(person, "add", "-A");
    git(person, "commit", "-q", "-m", "docs: notes");
    git(person, "push", "-q", "origin", branch);
    String tip = GitRepos.output(origin, "rev-parse", branch);
    CliRun again = heal(env(), "--config", config.toString());
    assertThat(GitRepos.output(origin, "rev-parse", branch)).isEqualTo(tip);
    assertThat(again.err()).contains("selfheal did not make");
    assertThat(again.exit()).isEqualTo(3);
  }

  @Test
  void refusesWhenTheBranchMovedOnOrTheCommitIsSelfhealsOwnOrNoToken() throws Exception {
    Map<String, String> noToken = env();
    noToken.remove("GITHUB_TOKEN");
    CliRun r = heal(noToken);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--pr needs a GitHub token");

    // origin's main moves on: the failure may be fixed already.
    Path other = tmp.resolve("other");
    git(tmp, "clone", "-q", origin.toString(), other.toString());
    Files.writeString(other.resolve("README.md"), "moved on\n");
    git(other, "commit", "-q", "-am", "docs: readme");
    git(other, "push", "-q", "origin", "main");
    CliRun moved = heal(env());
    assertThat(moved.exit()).isEqualTo(3);
    assertThat(moved.err()).contains("has moved past the failing commit");
    assertThat(gh.pullPosts()).isZero();
  }

  @Test
  void healsTheRunOfAWorkflowRunEventAndRefusesAFork() throws Exception {
    Projects.write(
        repo,
        ".github/workflows/ci.yml",
        "name: CI\non:\n  push:\n  workflow_dispatch:\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
            + "    steps:\n      - run: mvn -B verify\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "ci: workflow");
    git(repo, "push", "-q", "origin", "main");
    String sha = GitRepos.output(repo, "rev-parse", "HEAD");
    git(repo, "checkout", "-q", "--detach");
    Path event = tmp.resolve("event.json");
    Files.writeString(event, event(sha, "acme/shop"));
    Map<String, String> env = env();
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_ACTIONS", "true");
    Path summary = tmp.resolve("summary.md");
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    gh.commitLogins.put(sha, "ada-lovelace");
    ObjectNode run =
        (ObjectNode)
            dev.selfheal.pipeline.Json.mapper()
                .readTree(event(sha, "acme/shop"))
                .path("workflow_run");
    gh.runs.put(42L, run);
    gh.jobs.put(42L, List.of(job(501, "build", "failure")));
    gh.logs.put(501L, ciLog());
    CliRun r = heal(env, "--github-run", "42");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(gh.pulls.get(0).path("base").path("ref").asText()).isEqualTo("main");
    String body = gh.pulls.get(0).path("body").asText();
    assertThat(body)
        .contains("- **Failing run:** https://github.example/acme/shop/actions/runs/42")
        .contains("[build](https://github.example/acme/shop/actions/runs/42/job/501)")
        .contains(
            "- **Broke in:** " + sha.substring(0, 7) + " ci: workflow — by Test (@ada-lovelace)");
    assertThat(r.out())
        .as("the PR link as a notice on the run")
        .contains(
            "::notice title=selfheal proposed a fix::" + gh.pulls.get(0).path("html_url").asText());
    assertThat(Files.readString(summary)).contains("Root cause").contains("Pull request:");
    // GITHUB_TOKEN pushes start no CI: the CI workflow, which accepts workflow_dispatch, is
    // started.
    assertThat(gh.dispatches).hasSize(1);

    Files.writeString(event, event(sha, "mallory/shop"));
    CliRun fork = heal(env);
    assertThat(fork.exit()).isEqualTo(3);
    assertThat(fork.err()).contains("fork mallory/shop");
  }

  @Test
  void healsFromAnActionsRunsFailedJobLogs() throws Exception {
    // The CI log: the project's real build output, with Actions' timestamps and groups.
    Process mvn =
        new ProcessBuilder("mvn", "-B", "-o", "verify")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(mvn.getInputStream().readAllBytes());
    assertThat(mvn.waitFor()).isNotZero();
    StringBuilder log =
        new StringBuilder("2026-11-25T10:00:00.0000000Z ##[group]Run mvn -B verify\n");
    out.lines().forEach(l -> log.append("2026-11-25T10:00:01.1234567Z ").append(l).append("\n"));
    String sha = GitRepos.output(repo, "rev-parse", "HEAD");
    ObjectNode run =
        (ObjectNode)
            dev.selfheal.pipeline.Json.mapper()
                .readTree(event(sha, "acme/shop"))
                .path("workflow_run");
    gh.runs.put(42L, run);
    gh.jobs.put(42L, List.of(job(501, "build", "failure"), job(502, "lint", "success")));
    gh.logs.put(501L, log.toString());
    CliRun r =
        CliRun.run(
            env(), state, "heal", "--repo", repo.toString(), "--github-run", "42", "--no-llm");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 failed job log(s) downloaded").contains("status      healed");
    assertThat(r.out()).contains("+import java.util.List;");
    assertThat(gh.logDownloadsWithAuth).isEmpty();
    assertThat(gh.requests).doesNotContain("GET /blob/502");

    CliRun missing =
        CliRun.run(
            env(), state, "heal", "--repo", repo.toString(), "--github-run", "43", "--no-llm");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--github-run 43").contains("not found (404");
  }

  @Test
  void syncBringsInWhatBecameOfThePullRequestAndImportsItOnAnotherRunner() throws Exception {
    assertThat(heal(env()).exit()).isZero();
    ObjectNode pr = gh.pulls.get(0);
    // A person merges it as it was.
    pr.put("state", "closed");
    pr.put("merged_at", "2026-11-25T11:00:00Z");
    gh.branchConclusions.put(pr.path("head").path("ref").asText(), "success");
    CliRun sync = CliRun.run(env(), state, "sync", "--repo", repo.toString());
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(sync.err()).contains("1 selfheal PR(s): 1 outcome(s) updated, 0 imported");
    JsonNode m =
        dev.selfheal.pipeline.Json.mapper()
            .readTree(CliRun.run(env(), state, "report", "--json").out());
    assertThat(m.path("fix_accuracy").asDouble()).isEqualTo(1.0);
    assertThat(m.path("false_positive_rate").asDouble()).isZero();
    assertThat(m.path("time_to_pr_ms").path("median").asLong()).isPositive();

    // A fresh runner has no history: sync imports the PR from its report block.
    Path fresh = tmp.resolve("fresh-state");
    gh.extraCommits.put(1, List.of("alice@example.com")); // and now a person added a commit
    CliRun imported = CliRun.run(env(), fresh, "sync", "--repo", repo.toString());
    assertThat(imported.err()).contains("1 imported");
    JsonNode again =
        dev.selfheal.pipeline.Json.mapper()
            .readTree(CliRun.run(env(), fresh, "report", "--json").out());
    assertThat(again.path("attempts").asInt()).isEqualTo(1);
    assertThat(again.path("healed").asInt()).isEqualTo(1);
    assertThat(again.path("fix_accuracy").asDouble())
        .isZero(); // merged, but with a person's commit
    assertThat(again.path("by_category").has("type_error")).isTrue();
  }

  /** The project's real build output, as an Actions log with timestamps. */
  private String ciLog() throws Exception {
    Process mvn =
        new ProcessBuilder("mvn", "-B", "-o", "verify")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(mvn.getInputStream().readAllBytes());
    assertThat(mvn.waitFor()).isNotZero();
    StringBuilder log =
        new StringBuilder("2026-11-25T10:00:00.0000000Z ##[group]Run mvn -B verify\n");
    out.lines().forEach(l -> log.append("2026-11-25T10:00:01.1234567Z ").append(l).append("\n"));
    return log.toString();
  }

  private static ObjectNode job(long id, String name, String conclusion) {
    ObjectNode j = dev.selfheal.pipeline.Json.mapper().createObjectNode();
    j.put("id", id).put("name", name).put("status", "completed").put("conclusion", conclusion);
    j.put("html_url", "https://github.example/acme/shop/actions/runs/42/job/" + id);
    return j;
  }

  @Test
  void inActionsTheConfigComesFromTheDefaultBranchNotTheBranchBeingHealed() throws Exception {
    // The failing branch loosens nothing here: it forbids the very file the fix needs, so using
    // its config would refuse the fix. The default branch has no config: the defaults hold.
    git(repo, "checkout", "-q", "-b", "feature");
    Files.writeString(
        repo.resolve(".selfheal.yml"), "safety:\n  forbidden_paths: [\"**/Cart.java\"]\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "chore: config");
    git(repo, "push", "-q", "origin", "feature");
    String sha = GitRepos.output(repo, "rev-parse", "HEAD");
    Path event = tmp.resolve("event.json");
    Files.writeString(
        event,
        event(sha, "acme/shop")
            .replace("\"head_branch\": \"main\"", "\"head_branch\": \"feature\"")
            .replace(
                "\"repository\": {\"full_name\": \"acme/shop\"}",
                "\"repository\": {\"full_name\": \"acme/shop\", \"default_branch\": \"main\"}"));
    Map<String, String> env = env();
    env.put("GITHUB_EVENT_PATH", event.toString());
    CliRun r = heal(env);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("read from the default branch");
    assertThat(gh.pulls.get(0).path("base").path("ref").asText()).isEqualTo("feature");
  }

  private static String event(String sha, String headRepo) {
    return """
        {"action": "completed",
         "workflow_run": {"id": 42, "name": "CI", "head_branch": "main", "head_sha": "%s",
           "path": ".github/workflows/ci.yml", "workflow_id": 7, "conclusion": "failure",
           "html_url": "https://github.example/acme/shop/actions/runs/42",
           "head_repository": {"full_name": "%s"}, "pull_requests": []},
         "repository": {"full_name": "acme/shop"}}
        """
        .formatted(sha, headRepo);
  }
}
