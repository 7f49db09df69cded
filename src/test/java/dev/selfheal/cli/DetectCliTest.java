package dev.selfheal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.detect.Fixtures;
import dev.selfheal.pipeline.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCliTest {
  @TempDir Path state;
  @TempDir Path repo;

  @Test
  void jsonFromALogUsesTheReportFieldNamesAndExits3() throws Exception {
    Fixtures.layout(
        repo,
        "pom.xml",
        "src/main/java/com/acme/shop/Cart.java",
        "src/main/java/com/acme/shop/Square.java");
    CliRun r =
        CliRun.run(
            state,
            "detect",
            "--repo",
            repo.toString(),
            "--logs",
            Fixtures.path("maven/compile-symbols.log").toString(),
            "--json");
    assertThat(r.exit()).isEqualTo(3);
    JsonNode failures = Json.mapper().readTree(r.out()).get("failures");
    assertThat(failures).hasSize(3);
    JsonNode first = failures.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .contains("kind", "file", "line", "column", "message", "test", "fingerprint", "excerpt");
    assertThat(first.get("kind").asText()).isEqualTo("compile_error");
    assertThat(r.err()).contains("detect").contains("3 failures");
    assertThat(Files.list(state.resolve("selfheal/runs")).toList()).hasSize(1);
  }

  @Test
  void passingCommandExits0AndFailingExits3() {
    assertThat(CliRun.run(state, "detect", "--repo", repo.toString(), "--command", "true").exit())
        .isZero();
    CliRun r =
        CliRun.run(
            state,
            "detect",
            "--repo",
            repo.toString(),
            "--command",
            "echo 'main.c:3:1: error: boom'; exit 1");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("main.c:3:1").contains("boom");
  }

  @Test
  void unexplainedNonZeroExitIsStillAFailure() {
    CliRun r =
        CliRun.run(
            state,
            "detect",
            "--repo",
            repo.toString(),
            "--command",
            "echo nothing useful; exit 7",
            "--json");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("build_error").contains("exited with 7");
  }

  @Test
  void hangingCommandIsKilledAtTheConfiguredTimeout() throws Exception {
    Files.writeString(repo.resolve(".selfheal.yml"), "timeouts:\n  command_seconds: 1\n");
    CliRun r =
        CliRun.run(state, "detect", "--repo", repo.toString(), "--command", "sleep 600", "--json");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("timed out after 1 s");
  }

  @Test
  void badInputGetsExit2AndAMessageNotAStackTrace() throws Exception {
    CliRun missing =
        CliRun.run(state, "detect", "--repo", repo.resolve("nope").toString(), "--command", "true");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist").doesNotContain("Exception");

    Path file = Files.writeString(repo.resolve("f.txt"), "x");
    assertThat(CliRun.run(state, "detect", "--repo", file.toString(), "--command", "true").err())
        .contains("not a directory");

    CliRun noCmd =
        CliRun.run(
            state, "detect", "--repo", repo.toString(), "--command", "no-such-tool-xyz --flag");
    assertThat(noCmd.exit()).isEqualTo(2);
    assertThat(noCmd.err()).contains("command not found: no-such-tool-xyz");

    CliRun noBuild = CliRun.run(state, "detect", "--repo", repo.toString());
    assertThat(noBuild.exit()).isEqualTo(2);
    assertThat(noBuild.err()).contains("no build file found").contains("--command");

    CliRun both =
        CliRun.run(state, "detect", "--repo", repo.toString(), "--command", "true", "--logs", "x");
    assertThat(both.exit()).isEqualTo(2);

    CliRun noLog =
        CliRun.run(
            state,
            "detect",
            "--repo",
            repo.toString(),
            "--logs",
            repo.resolve("none.log").toString());
    assertThat(noLog.exit()).isEqualTo(2);
    assertThat(noLog.err()).contains("none.log");

    Files.writeString(repo.resolve(".selfheal.yml"), "safety:\n  max_file_changed: 4\n");
    CliRun badConfig = CliRun.run(state, "detect", "--repo", repo.toString(), "--command", "true");
    assertThat(badConfig.exit()).isEqualTo(2);
    assertThat(badConfig.err()).contains(".selfheal.yml:2").contains("max_files_changed");

    assertThat(CliRun.run(state, "detect", "--bogus").exit()).isEqualTo(2);
    assertThat(CliRun.run(state, "frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void versionAndHelp() {
    assertThat(CliRun.run(state, "--version").out()).startsWith("selfheal ");
    CliRun help = CliRun.run(state, "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("detect").contains("Exit codes");
  }
}
