package dev.selfheal.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST client against WireMock answering as GitHub does, errors included. */
class GitHubClientTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private WireMockServer server;
  private final List<Duration> slept = new ArrayList<>();
  private GitHub gh;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    gh = client("GITHUB_TOKEN");
  }

  private GitHub client(String tokenVar) {
    GitHubSettings s =
        GitHubSettings.from(
            Map.of(
                "GITHUB_API_URL",
                server.baseUrl() + "/",
                tokenVar,
                "tok",
                "GITHUB_REPOSITORY",
                "acme/shop"),
            null);
    return new GitHub(s, Clock.fixed(NOW, ZoneOffset.UTC), slept::add, Duration.ofSeconds(90));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String pr(int n, String ref, String state) {
    return """
        {"number": %d, "html_url": "https://github.com/acme/shop/pull/%d", "state": "%s",
         "merged_at": null, "body": null, "labels": [{"name": "auto-heal"}],
         "head": {"ref": "%s", "sha": "abc", "repo": {"full_name": "acme/shop"}},
         "base": {"ref": "main"}}"""
        .formatted(n, n, state, ref);
  }

  @Test
  void followsLinkHeaderPagesAndKeepsOnlyThisRepositorysSelfhealBranches() throws Exception {
    String page2 = server.baseUrl() + "/repositories/1/pulls?state=all&per_page=100&page=2";
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/pulls"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader(
                        "Link", "<" + page2 + ">; rel=\"next\", <" + page2 + ">; rel=\"last\"")
                    .withBody(
                        "["
                            + pr(3, "selfheal/aaa", "open")
                            + ","
                            + pr(2, "feature", "open")
                            + "]")));
    server.stubFor(
        get(urlPathEqualTo("/repositories/1/pulls"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("[" + pr(1, "selfheal/bbb", "closed") + "]")));
    List<PullRequest> prs = gh.pullsWithHeadPrefix("selfheal/");
    assertThat(prs).extracting(PullRequest::number).containsExactly(3, 1);
    assertThat(prs.get(1).closedUnmerged()).isTrue();
    assertThat(prs.get(0).labels()).containsExactly("auto-heal");
    server.verify(
        getRequestedFor(urlPathEqualTo("/repos/acme/shop/pulls"))
            .withHeader("Authorization", equalTo("Bearer tok"))
            .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
  }

  @Test
  void badCredentialsSayWhichVariableToSet() {
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/runs/9"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
    assertThatThrownBy(() -> gh.run(9))
        .isInstanceOf(GitHubException.class)
        .hasMessageContaining("401: Bad credentials")
        .hasMessageContaining("SELFHEAL_GITHUB_TOKEN or GITHUB_TOKEN");
  }

  @Test
  void forbiddenByTheWorkflowsPermissionsNamesThePermissions() {
    server.stubFor(
        post(urlPathEqualTo("/repos/acme/shop/issues/5/labels"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"Resource not accessible by integration\"}")));
    assertThatThrownBy(() -> gh.addLabels(5, List.of("auto-heal")))
        .hasMessageContaining("Resource not accessible by integration")
        .hasMessageContaining("permissions: contents: write, pull-requests: write");
  }

  @Test
  void notFoundAndUnprocessableCarryGitHubsOwnWords() {
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/runs/1"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"Not Found\"}")));
    assertThatThrownBy(() -> gh.run(1))
        .isInstanceOfSatisfying(
            GitHubException.class,
            e -> assertThat(e.kind()).isEqualTo(GitHubException.Kind.NOT_FOUND))
        .hasMessageContaining("check GITHUB_REPOSITORY (acme/shop)");
    server.stubFor(
        post(urlPathEqualTo("/repos/acme/shop/pulls"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":\"custom\","
                            + "\"message\":\"A pull request already exists for acme:selfheal/abc.\"}]}")));
    assertThatThrownBy(() -> gh.createPull("t", "selfheal/abc", "main", "b"))
        .isInstanceOfSatisfying(
            GitHubException.class,
            e -> assertThat(e.kind()).isEqualTo(GitHubException.Kind.UNPROCESSABLE))
        .hasMessageContaining("A pull request already exists");
  }

  @Test
  void waitsForAShortRateLimitAndGivesUpOnALongOneSayingUntilWhen() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/runs/7"))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 30))
                    .withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\"}"))
            .willSetStateTo("reset"));
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/runs/7"))
            .inScenario("limit")
            .whenScenarioStateIs("reset")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":7,\"head_branch\":\"main\",\"head_sha\":\"abc\",\"workflow_id\":3,"
                            + "\"head_repository\":{\"full_name\":\"acme/shop\"},\"pull_requests\":[]}")));
    WorkflowRun run = gh.run(7);
    assertThat(run.headBranch()).isEqualTo("main");
    assertThat(slept).containsExactly(Duration.ofSeconds(30));

    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/runs/8"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("retry-after", "3600")
                    .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}")));
    assertThatThrownBy(() -> gh.run(8))
        .isInstanceOfSatisfying(
            GitHubException.class,
            e -> assertThat(e.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED))
        .hasMessageContaining("until 2026-11-25T13:00:00Z");
  }

  @Test
  void retriesABadGatewayOnAReadAndReportsAnUnreachableServer() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/runs/3/jobs"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/runs/3/jobs"))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"total_count\":2,\"jobs\":[{\"id\":11,\"name\":\"build\",\"conclusion\":\"failure\"},"
                            + "{\"id\":12,\"name\":\"lint\",\"conclusion\":\"success\"}]}")));
    assertThat(gh.jobs(3))
        .filteredOn(GitHub.Job::failed)
        .extracting(GitHub.Job::id)
        .containsExactly(11L);
    server.stop();
    assertThatThrownBy(() -> gh.run(1))
        .isInstanceOfSatisfying(
            GitHubException.class,
            e -> assertThat(e.kind()).isEqualTo(GitHubException.Kind.NETWORK))
        .hasMessageContaining("cannot reach GitHub");
    server.start();
  }

  @Test
  void downloadsALogThroughTheRedirectWithoutTheTokenAndStripsTimestamps(@TempDir Path dir)
      throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/shop/actions/jobs/11/logs"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", server.baseUrl() + "/signed/log.txt?sig=x")));
    server.stubFor(
        get(urlPathEqualTo("/signed/log.txt"))
            .willReturn(
                aResponse()
                    .withBody(
                        "\uFEFF2026-11-25T10:00:01.1234567Z ##[group]Run mvn -B verify\n"
                            + "2026-11-25T10:00:02.0000000Z [ERROR] Cart.java:[5,3] cannot find symbol\n")));
    Path log = dir.resolve("job.log");
    gh.downloadJobLog(11, log);
    assertThat(Files.readString(log))
        .isEqualTo("##[group]Run mvn -B verify\n[ERROR] Cart.java:[5,3] cannot find symbol\n");
    server.verify(
        getRequestedFor(urlPathEqualTo("/signed/log.txt")).withHeader("Authorization", absent()));
    server.verify(
        getRequestedFor(urlPathEqualTo("/repos/acme/shop/actions/jobs/11/logs"))
            .withHeader("Authorization", equalTo("Bearer tok")));
  }

  @Test
  void settingsPreferSelfhealsTokenAndReadTheRepositoryFromTheRemote() {
    GitHubSettings s =
        GitHubSettings.from(
            Map.of("SELFHEAL_GITHUB_TOKEN", "app", "GITHUB_TOKEN", "actions"), "o/r");
    assertThat(s.token()).isEqualTo("app");
    assertThat(s.tokenSource()).isEqualTo(GitHubSettings.TokenSource.SELFHEAL_GITHUB_TOKEN);
    assertThat(s.apiUrl()).isEqualTo(GitHubSettings.PUBLIC_API);
    assertThat(GitHubSettings.repositoryOf("https://github.com/acme/shop.git"))
        .isEqualTo("acme/shop");
    assertThat(GitHubSettings.repositoryOf("git@github.example.com:acme/shop.git"))
        .isEqualTo("acme/shop");
    assertThat(GitHubSettings.repositoryOf("ssh://git@github.com/acme/shop"))
        .isEqualTo("acme/shop");
    assertThat(GitHubSettings.repositoryOf("/srv/git/shop.git")).isNull();
  }
}
