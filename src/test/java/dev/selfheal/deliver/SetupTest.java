package dev.selfheal.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.selfheal.cli.CliRun;
import dev.selfheal.config.ConfigLoader;
import dev.selfheal.config.SelfhealConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `selfheal init`'s files and this repository's action.yml, read as Actions reads them. */
class SetupTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  @TempDir Path repo;
  @TempDir Path state;

  private void ci(String file, String name, String on) throws Exception {
    Path f = repo.resolve(".github/workflows/" + file);
    Files.createDirectories(f.getParent());
    Files.writeString(
        f,
        (name == null ? "" : "name: " + name + "\n")
            + "on: "
            + on
            + "\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn -B verify\n");
  }

  @Test
  void initWritesASafeWorkflowForTheOnlyCiWorkflowAndAValidConfig() throws Exception {
    ci("build.yml", "Build and test", "[push, pull_request]");
    ci("release.yml", "Release", "\n  release:\n    types: [published]");
    CliRun r = CliRun.run(state, "init", "--repo", repo.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("selfheal:").contains("artifacts:"); // the GitLab job
    assertThat(r.err()).contains("SELFHEAL_DB_URL").contains("selfheal sync");

    JsonNode wf = YAML.readTree(repo.resolve(".github/workflows/self-heal.yml").toFile());
    JsonNode on = wf.has("on") ? wf.get("on") : wf.get("true");
    assertThat(on.path("workflow_run").path("workflows").get(0).asText())
        .isEqualTo("Build and test");
    assertThat(on.path("workflow_run").path("types").get(0).asText()).isEqualTo("completed");
    assertThat(wf.path("permissions").path("contents").asText()).isEqualTo("write");
    assertThat(wf.path("permissions").path("pull-requests").asText()).isEqualTo("write");
    assertThat(wf.path("permissions").path("actions").asText()).isEqualTo("read");
    assertThat(wf.path("concurrency").path("group").asText()).contains("workflow_run.head_branch");
    JsonNode job = wf.path("jobs").path("heal");
    assertThat(job.path("runs-on").asText()).isNotBlank();
    assertThat(job.path("if").asText())
        .contains("workflow_run.conclusion == 'failure'")
        .contains("head_repository.full_name == github.repository");
    JsonNode checkout = job.path("steps").get(0);
    assertThat(checkout.path("uses").asText()).startsWith("actions/checkout@");
    assertThat(checkout.path("with").path("ref").asText()).contains("workflow_run.head_sha");
    assertThat(checkout.path("with").path("fetch-depth").asInt()).isZero();
    assertThat(checkout.path("with").path("persist-credentials").asBoolean(true)).isFalse();
    JsonNode heal = job.path("steps").get(1);
    assertThat(heal.path("uses").asText()).isEqualTo(Setup.ACTION);
    assertThat(heal.path("with").path("args").asText())
        .isEqualTo("heal --pr --github-run ${{ github.event.workflow_run.id }}");
    assertThat(heal.path("env").path("ANTHROPIC_API_KEY").asText()).startsWith("${{ secrets.");

    // The commented config is the defaults, and loads.
    SelfhealConfig c = ConfigLoader.load(repo, null);
    assertThat(c).isEqualTo(SelfhealConfig.defaults());
    assertThat(Files.readString(repo.resolve(".selfheal.yml"))).contains("# ");

    // Again: refuses to overwrite, and says how.
    CliRun again = CliRun.run(state, "init", "--repo", repo.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exist").contains("--force");
    assertThat(CliRun.run(state, "init", "--repo", repo.toString(), "--force").exit()).isZero();
  }

  @Test
  void asksWhichWorkflowWhenSeveralCouldBeCi() throws Exception {
    ci("a.yml", "Unit", "push");
    ci("b.yml", null, "\n  pull_request:\n  workflow_dispatch:");
    assertThatThrownBy(() -> Setup.chooseWorkflow(repo, null))
        .hasMessageContaining("several CI workflows")
        .hasMessageContaining(".github/workflows/b.yml")
        .hasMessageContaining("--workflow NAME");
    assertThat(Setup.chooseWorkflow(repo, "Unit")).isEqualTo("Unit");
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
      if (run && step.path("run").asText().contains("${{ inputs.")) {
        problems.add("inputs spliced into a script: " + step);
      }
    }
    assertThat(problems).isEmpty();
    JsonNode ci = YAML.readTree(Path.of(".github/workflows/ci.yml").toFile());
    assertThat(ci.path("name").asText()).isEqualTo("CI");
  }
}
