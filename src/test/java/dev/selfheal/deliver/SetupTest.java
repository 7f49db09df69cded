package dev.selfheal.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.selfheal.cli.CliRun;
import dev.selfheal.config.ConfigLoader;
import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.testing.ActionLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `selfheal init`'s files and this repository's action.yml, read as Actions reads them. */
class SetupTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  @TempDir Path repo;
  @TempDir Path state;

  private void ci(String file, String name, String on) throws Exception {
    write(
        file,
        (name == null ? "" : "name: " + name + "\n")
            + "on: "
            + on
            + "\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn -B verify\n");
  }

  private void write(String file, String text) throws Exception {
    Path f = repo.resolve(".github/workflows/" + file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  private JsonNode healWorkflow() throws Exception {
    return YAML.readTree(repo.resolve(".github/workflows/self-heal.yml").toFile());
  }

  @Test
  void initWritesASafeWorkflowForTheOnlyCiWorkflowAndAValidConfig() throws Exception {
    ci("build.yml", "Build and test", "[push, pull_request]");
    ci("release.yml", "Release", "\n  release:\n    types: [published]");
    CliRun r = CliRun.run(state, "init", "--repo", repo.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("selfheal:").contains("artifacts:"); // the GitLab job
    assertThat(r.out())
        .as("the GitLab job installs the release, checked")
        .contains("releases/download/v$SELFHEAL_VERSION/selfheal-$SELFHEAL_VERSION.jar")
        .contains("sha256sum -c")
        .doesNotContain("git clone");
    assertThat(r.err()).contains("SELFHEAL_DB_URL").contains("selfheal sync");

    JsonNode wf = healWorkflow();
    JsonNode on = wf.has("on") ? wf.get("on") : wf.get("true");
    JsonNode run = on.path("workflow_run");
    assertThat(run.path("workflows").get(0).asText()).isEqualTo("Build and test");
    assertThat(run.path("types").get(0).asText()).isEqualTo("completed");
    assertThat(run.path("branches-ignore").get(0).asText()).isEqualTo("selfheal/**");
    assertThat(wf.path("permissions").path("contents").asText()).isEqualTo("write");
    assertThat(wf.path("permissions").path("pull-requests").asText()).isEqualTo("write");
    assertThat(wf.path("permissions").path("actions").asText())
        .as("no workflow_dispatch on CI: nothing to start, so read only")
        .isEqualTo("read");
    assertThat(wf.path("concurrency").path("group").asText()).contains("workflow_run.head_branch");
    JsonNode job = wf.path("jobs").path("heal");
    assertThat(job.path("runs-on").asText()).isEqualTo("ubuntu-latest");
    assertThat(job.path("if").asText())
        .contains("workflow_run.conclusion == 'failure'")
        .contains("head_repository.full_name == github.repository")
        .contains("workflow_run.actor.login != 'dependabot[bot]'");
    JsonNode checkout = job.path("steps").get(0);
    assertThat(checkout.path("uses").asText())
        .isEqualTo("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683");
    assertThat(Files.readString(repo.resolve(".github/workflows/self-heal.yml")))
        .contains("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2");
    assertThat(checkout.path("with").path("ref").asText()).contains("workflow_run.head_sha");
    assertThat(checkout.path("with").path("fetch-depth").asInt()).isZero();
    assertThat(checkout.path("with").path("persist-credentials").asBoolean(true)).isFalse();
    JsonNode heal = job.path("steps").get(1);
    assertThat(heal.path("uses").asText()).isEqualTo(Setup.action());
    assertThat(heal.path("with").path("args").asText())
        .isEqualTo(
            "heal --pr --github-run ${{ github.event.workflow_run.id }} --report ${{ runner.temp"
                + " }}/selfheal-report.json");
    assertThat(heal.path("env").path("ANTHROPIC_API_KEY").asText()).startsWith("${{ secrets.");
    JsonNode upload = job.path("steps").get(2);
    assertThat(upload.path("if").asText()).isEqualTo("always()");
    assertThat(upload.path("uses").asText()).startsWith("actions/upload-artifact@ea165f8d");
    assertThat(upload.path("with").path("path").asText())
        .contains("selfheal-report.json")
        .contains("selfheal-state/selfheal/runs/");
    assertThat(ActionLint.check(repo.resolve(".github/workflows/self-heal.yml"))).isEmpty();

    // The commented config is the defaults, and loads.
    SelfhealConfig c = ConfigLoader.load(repo, null);
    assertThat(c).isEqualTo(SelfhealConfig.defaults());
    assertThat(Files.readString(repo.resolve(".selfheal.yml"))).contains("# ");

    // Again: refuses to overwrite, and says how.
    CliRun again = CliRun.run(state, "init", "--repo", repo.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exist").contains("--force");
    // With Dependabot opted in by the config, --force writes the job without that condition.
    Files.writeString(repo.resolve(".selfheal.yml"), "delivery:\n  heal_dependabot: true\n");
    assertThat(CliRun.run(state, "init", "--repo", repo.toString(), "--force").exit()).isZero();
    assertThat(healWorkflow().path("jobs").path("heal").path("if").asText())
        .doesNotContain("dependabot");
  }

  private static final String MAVEN_21 =
      """
      name: CI
      on:
        push:
        pull_request:
        workflow_dispatch:
      jobs:
        build:
          runs-on: ubuntu-22.04
          services:
            postgres:
              image: postgres:16
              env:
                POSTGRES_PASSWORD: test
              ports: ["5432:5432"]
          steps:
            - uses: actions/checkout@v4
            - uses: actions/setup-java@v4
              with:
                distribution: zulu
                java-version: "21"
                cache: maven
            - uses: actions/cache@v4
              with:
                path: ~/.m2/repository
                key: m2-${{ hashFiles('**/pom.xml') }}
            - run: mvn -B -ntp verify -Pci
            - run: echo deployed
      """;

  private static final String GRADLE =
      """
      name: Gradle build
      on: [push, pull_request]
      jobs:
        test:
          runs-on: ubuntu-latest
          strategy:
            matrix:
              java: [17, 21]
          steps:
            - uses: actions/checkout@v4
            - uses: actions/setup-java@v4
              with:
                distribution: temurin
                java-version: ${{ matrix.java }}
            - uses: gradle/actions/setup-gradle@v4
            - run: ./gradlew check
      """;

  private static final String PYTEST =
      """
      name: tests
      on:
        pull_request:
      jobs:
        pytest:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - uses: actions/setup-python@v5
              with:
                python-version: "3.12"
                cache: pip
            - run: pip install -r requirements.txt
            - run: python -m pip install -e .[test]
            - name: Lint
              run: ruff check .
            - run: pytest -q
      """;

  private static final String NPM =
      """
      name: Node CI
      on: push
      jobs:
        test:
          runs-on: ubuntu-latest
          env:
            CI: "true"
          steps:
            - uses: actions/checkout@v4
            - uses: actions/setup-node@v4
              with:
                node-version: 20
                cache: npm
            - run: npm ci
            - run: npm test
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"maven-21", "gradle", "pytest", "npm"})
  void theHealJobPreparesTheProjectAsCiDoesWithoutItsCaches(String stack) throws Exception {
    String ci =
        switch (stack) {
          case "maven-21" -> MAVEN_21;
          case "gradle" -> GRADLE;
          case "pytest" -> PYTEST;
          default -> NPM;
        };
    write("ci.yml", ci);
    CliRun r = CliRun.run(state, "init", "--repo", repo.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Path file = repo.resolve(".github/workflows/self-heal.yml");
    assertThat(ActionLint.check(file)).as(Files.readString(file)).isEmpty();
    JsonNode job = healWorkflow().path("jobs").path("heal");
    List<String> steps = new ArrayList<>();
    for (JsonNode s : job.path("steps")) {
      steps.add(
          s.has("uses")
              ? s.path("uses").asText().replaceAll("@.*", "")
              : "run: " + s.path("run").asText().strip());
    }
    String text = Files.readString(file);
    assertThat(text).doesNotContain("actions/cache").doesNotContain("cache: ");
    switch (stack) {
      case "maven-21" -> {
        assertThat(steps)
            .containsExactly(
                "actions/checkout",
                "actions/setup-java",
                "selfheal-dev/selfheal",
                "actions/upload-artifact");
        JsonNode java = job.path("steps").get(1).path("with");
        assertThat(java.path("distribution").asText()).isEqualTo("zulu");
        assertThat(java.path("java-version").asText()).isEqualTo("21");
        assertThat(job.path("runs-on").asText()).isEqualTo("ubuntu-22.04");
        assertThat(job.path("services").path("postgres").path("image").asText())
            .isEqualTo("postgres:16");
        assertThat(healWorkflow().path("permissions").path("actions").asText())
            .as("CI takes workflow_dispatch: selfheal starts it on the fix branch")
            .isEqualTo("write");
        assertThat(Files.readString(repo.resolve(".selfheal.yml")))
            .contains("command: \"mvn -B -ntp verify -Pci\"");
        assertThat(ConfigLoader.load(repo, null).command()).isEqualTo("mvn -B -ntp verify -Pci");
        assertThat(r.err()).contains("left out").contains("actions/cache");
      }
      case "gradle" -> {
        assertThat(steps)
            .containsExactly(
                "actions/checkout",
                "actions/setup-java",
                "gradle/actions/setup-gradle",
                "selfheal-dev/selfheal",
                "actions/upload-artifact");
        assertThat(job.path("steps").get(1).path("with").path("java-version").asText())
            .as("a matrix at its first entry")
            .isEqualTo("17");
        assertThat(job.path("steps").get(2).path("with").path("cache-disabled").asBoolean())
            .isTrue();
      }
      case "pytest" ->
          assertThat(steps)
              .containsExactly(
                  "actions/checkout",
                  "actions/setup-python",
                  "run: pip install -r requirements.txt",
                  "run: python -m pip install -e .[test]",
                  "selfheal-dev/selfheal",
                  "actions/upload-artifact");
      default -> {
        assertThat(steps)
            .containsExactly(
                "actions/checkout",
                "actions/setup-node",
                "run: npm ci",
                "selfheal-dev/selfheal",
                "actions/upload-artifact");
        assertThat(job.path("env").path("CI").asText()).isEqualTo("true");
      }
    }
  }

  @Test
  void asksWhichWorkflowWhenSeveralCouldBeCi() throws Exception {
    ci("a.yml", "Unit", "push");
    ci("b.yml", null, "\n  pull_request:\n  workflow_dispatch:");
    assertThatThrownBy(() -> Setup.chooseWorkflow(repo, null))
        .hasMessageContaining("several CI workflows")
        .hasMessageContaining(".github/workflows/b.yml")
        .hasMessageContaining("--workflow NAME");
    assertThat(Setup.chooseWorkflow(repo, "Unit").name()).isEqualTo("Unit");
    assertThatThrownBy(() -> Setup.chooseWorkflow(repo, "Nope"))
        .hasMessageContaining("no workflow named");
    assertThat(ActionsWorkflows.acceptsDispatch(repo.resolve(".github/workflows/b.yml"))).isTrue();
    assertThat(ActionsWorkflows.acceptsDispatch(repo.resolve(".github/workflows/a.yml"))).isFalse();
    Path empty = repo.resolve("empty");
    Files.createDirectories(empty);
    assertThatThrownBy(() -> Setup.chooseWorkflow(empty, null))
        .hasMessageContaining("no CI workflow");
  }

  @Test
  void thisRepositoryIsACompositeActionActionsCanRun() throws Exception {
    JsonNode a = YAML.readTree(Path.of("action.yml").toFile());
    assertThat(a.path("name").asText()).isNotBlank();
    assertThat(a.path("description").asText()).isNotBlank();
    a.path("inputs")
        .fields()
        .forEachRemaining(
            i -> assertThat(i.getValue().path("description").asText()).as(i.getKey()).isNotBlank());
    assertThat(a.path("inputs").path("args").path("default").asText()).isEqualTo("heal --pr");
    assertThat(a.path("runs").path("using").asText()).isEqualTo("composite");
    List<String> problems = new ArrayList<>();
    for (JsonNode step : a.path("runs").path("steps")) {
      boolean uses = step.has("uses");
      boolean run = step.has("run");
      if (uses == run) {
        problems.add("a step needs exactly one of uses/run: " + step);
      }
      if (run && !step.has("shell")) {
        problems.add("a composite run step needs shell: " + step);
      }
      if (run && step.path("run").asText().contains("${{")) {
        problems.add("an expression spliced into a script: " + step);
      }
      if (uses && !step.path("uses").asText().matches("[^@]+@[0-9a-f]{40}")) {
        problems.add("a third-party action not pinned by commit SHA: " + step);
      }
      if (uses && step.path("uses").asText().startsWith("actions/setup-java")) {
        problems.add("setup-java would replace the project's JAVA_HOME: " + step);
      }
    }
    assertThat(problems).isEmpty();
    JsonNode ci = YAML.readTree(Path.of(".github/workflows/ci.yml").toFile());
    assertThat(ci.path("name").asText()).isEqualTo("CI");
    assertThat(
            ActionLint.check(
                Path.of(".github/workflows/ci.yml"),
                Path.of(".github/workflows/eval.yml"),
                Path.of(".github/workflows/release.yml")))
        .isEmpty();
  }
}
