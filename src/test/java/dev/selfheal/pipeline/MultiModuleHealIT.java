package dev.selfheal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.fix.recipes.Recipes;
import dev.selfheal.model.Status;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on a real two-module Maven build (examples/multi-module). */
class MultiModuleHealIT {
  private static final String REPORT = "app/src/main/java/com/example/app/Report.java";

  @TempDir Path repo;
  @TempDir Path state;
  @TempDir Path scratch;

  private HealPipeline.Result heal() throws Exception {
    return new HealPipeline(TestEnv.with(state), new RecipeRunner(Recipes.all()))
        .heal(
            new HealRequest(
                repo, "mvn -B verify", null, HealReport.DeliveryMode.APPLY, null, null, true),
            Progress.silent());
  }

  @Test
  void aFlakyTestIsReRunInItsOwnModule() throws Exception {
    Projects.copy("multi-module", repo);
    Path marker = scratch.resolve("marker");
    Projects.write(
        repo,
        "app/src/test/java/com/example/app/FlakyTest.java",
        """
        package com.example.app;

        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.nio.file.Files;
        import java.nio.file.Path;
        import org.junit.jupiter.api.Test;

        class FlakyTest {
          @Test
          void onlyTheFirstRunFails() throws Exception {
            Path marker = Path.of("%s");
            boolean first = !Files.exists(marker);
            Files.writeString(marker, "ran");
            assertTrue(!first);
          }
        }
        """
            .formatted(marker));
    GitRepos.commitAll(repo, "flaky");
    HealPipeline.Result r = heal();
    assertThat(r.report().status()).isEqualTo(Status.FLAKY);
    assertThat(r.report().validation().flakyTests())
        .containsExactly("com.example.app.FlakyTest#onlyTheFirstRunFails");
  }

  @Test
  void aBreakageInTheDownstreamModuleIsHealed() throws Exception {
    Projects.copy("multi-module", repo);
    GitRepos.commitAll(repo, "good");
    Projects.write(
        repo,
        REPORT,
        Files.readString(repo.resolve(REPORT)).replace("import java.util.List;\n", ""));
    GitRepos.commitAll(repo, "refactor: optimise imports");
    HealPipeline.Result r = heal();
    assertThat(r.report().status()).isEqualTo(Status.HEALED);
    assertThat(r.patch().files()).containsExactly(REPORT);
    assertThat(r.report().validation().full().testsRun()).isEqualTo(3);
    assertThat(Files.readString(repo.resolve(REPORT))).contains("import java.util.List;");
  }
}
