package dev.selfheal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.ReportSchema;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealCliIT {
  @TempDir Path state;
  @TempDir Path repo;
  @TempDir Path out;

  @Test
  void healPrintsThePatchOnStdoutAndWritesAValidReport() throws Exception {
    Projects.copy("demo-shop", repo);
    GitRepos.commitAll(repo, "feat: cart");
    Path report = out.resolve("r/report.json");
    CliRun r = CliRun.run(state, "heal", "--repo", repo.toString(), "--report", report.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("--- a/src/main/java/com/example/shop/Cart.java")
        .contains("+import java.util.List;");
    assertThat(r.err())
        .contains("detect")
        .contains("validate")
        .contains("root cause")
        .contains("status      healed");
    JsonNode json = Json.mapper().readTree(Files.readString(report));
    assertThat(ReportSchema.errors(json)).isEmpty();
    assertThat(json.get("status").asText()).isEqualTo("healed");
    assertThat(json.get("fixes").get(0).get("diagnosis").get("failure_type").asText())
        .isEqualTo("type_error");
  }

  @Test
  void theDemoHeals() {
    CliRun r = CliRun.run(state, "demo");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("status      healed");
    assertThat(r.out()).contains("+import java.util.List;");
  }

  @Test
  void badUsage() {
    assertThat(CliRun.run(state, "heal", "--repo", repo.toString(), "--apply", "--dry-run").exit())
        .isEqualTo(2);
    CliRun pr =
        CliRun.run(
            java.util.Map.of("GITHUB_TOKEN", "t"),
            state,
            "heal",
            "--repo",
            repo.toString(),
            "--command",
            "true",
            "--pr");
    assertThat(pr.exit()).isEqualTo(2);
    assertThat(pr.err()).contains("set GITHUB_REPOSITORY=owner/name");
    CliRun noBuild = CliRun.run(state, "heal", "--repo", repo.toString());
    assertThat(noBuild.exit()).isEqualTo(2);
    assertThat(noBuild.err()).contains("no build file found");
  }
}
