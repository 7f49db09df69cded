package dev.selfheal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.Repo;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a new user meets it: a sign of life during long commands, output where tools
 * expect it (through a real process where the file system is involved), exit codes that keep the
 * contract, help that teaches, config where users put it.
 */
class CliUsabilityIT {
  @TempDir Path state;
  @TempDir Path repo;
  @TempDir Path tmp;

  /** selfheal as its own process, with the test's class path: real stdout, stderr and exit. */
  private static CliRun process(Path dir, Map<String, String> env, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.selfheal.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                return e.toString();
              }
            });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new CliRun(p.waitFor(), out, err.get());
  }

  @Test
  void aLongCommandShowsASignOfLifeAndNamesItsLogOnStderrOnly() throws Exception {
    CliRun r =
        CliRun.run(
            Map.of("SELFHEAL_HEARTBEAT_SECONDS", "1"),
            state,
            "detect",
            "--repo",
            repo.toString(),
            "--command",
            "echo '[INFO] Building inventory 1.0'; echo '[INFO] Running com.acme.StockTest'; sleep 3");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("its output: ")
        .contains("detect.log")
        .containsPattern("detect +… [0-9]+s — inventory: running com\\.acme\\.StockTest");
    assertThat(r.out()).doesNotContain("…");
  }

  @Test
  void theJsonReportGoesToStdoutAndThePatchIntoIt() throws Exception {
    Projects.copy("demo-shop", repo);
    GitRepos.commitAll(repo, "feat: cart");
    CliRun r = CliRun.run(state, "heal", "--repo", repo.toString(), "--report", "-", "--no-llm");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = Json.mapper().readTree(r.out());
    assertThat(report.path("status").asText()).isEqualTo("healed");
    assertThat(report.path("patch").path("diff").asText()).contains("+import java.util.List;");
    assertThat(r.out()).doesNotStartWith("---");
  }

  @Test
  void aReportToDevStdoutOrAFifoIsWrittenStraightToIt() throws Exception {
    assertThat(Files.isSymbolicLink(Path.of("/dev/stdout"))).isTrue();
    CliRun r =
        process(tmp, Map.of("XDG_STATE_HOME", state.toString()), "report", "--html", "/dev/stdout");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("<html").contains("</html>");
    assertThat(Files.isSymbolicLink(Path.of("/dev/stdout"))).as("not replaced").isTrue();

    Path fifo = tmp.resolve("report.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    CompletableFuture<String> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (java.io.IOException e) {
                return e.toString();
              }
            });
    CliRun f =
        process(
            tmp, Map.of("XDG_STATE_HOME", state.toString()), "report", "--html", fifo.toString());
    assertThat(f.exit()).as(f.err()).isZero();
    assertThat(read.get()).contains("</html>");
    assertThat(fifo).exists();
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void aMissingProgramIsABadUsageWithAdviceForHealAsForDetect() throws Exception {
    Projects.copy("demo-shop", repo);
    GitRepos.commitAll(repo, "feat: cart");
    CliRun heal =
        CliRun.run(state, "heal", "--repo", repo.toString(), "--command", "mvnx -B verify");
    CliRun detect =
        CliRun.run(state, "detect", "--repo", repo.toString(), "--command", "mvnx -B verify");
    assertThat(heal.exit()).isEqualTo(2);
    assertThat(detect.exit()).isEqualTo(2);
    assertThat(heal.err()).doesNotContain("I/O error").contains("mvnx");
    String advice =
        detect.err().lines().filter(l -> l.startsWith("selfheal:")).findFirst().orElseThrow();
    assertThat(heal.err()).contains(advice);
  }

  @Test
  void helpTeachesWithExamplesExitCodesAndSuggestions() throws Exception {
    CliRun heal = CliRun.run(state, "heal", "--help");
    assertThat(heal.out())
        .contains("Examples:")
        .contains("Exit codes:")
        .contains("not_reproduced")
        .contains("--repo=DIR")
        .contains("--config=FILE")
        .contains("--command=CMD");
    CliRun help = CliRun.run(state, "help", "drill");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--count=N").contains("Examples:");
    for (String cmd : List.of("detect", "init", "report", "sync", "eval", "drill", "demo")) {
      assertThat(CliRun.run(state, cmd, "--help").out()).as(cmd).contains("Examples:");
    }
    CliRun typo = CliRun.run(state, "heal", "--aply");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("Possible solutions: --apply");
    CliRun completion = CliRun.run(state, "generate-completion");
    assertThat(completion.exit()).isZero();
    assertThat(completion.out()).contains("complete").contains("selfheal");
  }

  @Test
  void theConfigIsFoundAsUsersNameItAndTheRepositoryFromASubfolder() throws Exception {
    Projects.write(repo, "pom.xml", "<project/>\n");
    Projects.write(repo, "module-a/pom.xml", "<project/>\n");
    Projects.write(repo, "module-a/src/main/java/A.java", "class A {}\n");
    GitRepos.commitAll(repo, "init");
    assertThat(Repo.discover(repo.resolve("module-a/src/main/java")))
        .isEqualTo(repo.toAbsolutePath());
    Projects.write(repo, ".selfheal.yaml", "command: \"sh -c true\"\n");
    CliRun yaml =
        process(repo.resolve("module-a/src"), Map.of("XDG_STATE_HOME", state.toString()), "detect");
    assertThat(yaml.exit()).as(yaml.err()).isZero();
    assertThat(yaml.err()).contains("running `sh -c true`");
    Projects.write(repo, ".selfheal.yml", "command: \"sh -c false\"\n");
    CliRun both = CliRun.run(state, "detect", "--repo", repo.toString());
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err())
        .contains(".selfheal.yml")
        .contains(".selfheal.yaml")
        .contains("keep one");
  }

  @Test
  void theDemoTellsTheNextStepAndLeavesNothingBehind() throws Exception {
    Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
    long before = demos(tmpdir);
    CliRun r = CliRun.run(state, "demo");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("selfheal heal")
        .contains("selfheal init")
        .doesNotContain("--apply`");
    assertThat(demos(tmpdir)).isEqualTo(before);
    assertThat(state.resolve("selfheal/history.db")).as("not the team's history").doesNotExist();
  }

  private static long demos(Path tmp) throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("selfheal-demo-")).count();
    }
  }

  @Test
  void aMissingModelSettingIsSaidBeforeAnyBuildRunsAndAHealOutsideGitSaysWhatItLacks()
      throws Exception {
    Projects.write(repo, "build.sh", "exit 1\n");
    CliRun r =
        CliRun.run(
            Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/v1"),
            state,
            "heal",
            "--repo",
            repo.toString(),
            "--command",
            "sh build.sh");
    String err = r.err();
    int said = err.indexOf("llm.model is required");
    int built = err.indexOf("running `sh build.sh`");
    assertThat(said).as(err).isNotNegative();
    assertThat(said).isLessThan(built);
    assertThat(err).contains("not a git repository").contains("change-based recipes");
    assertThat(err.lines().filter(l -> l.startsWith("diagnosis") || l.startsWith("root cause")))
        .as("no workspace path in a diagnosis")
        .isNotEmpty()
        .noneMatch(l -> l.contains("/workspaces/"));
  }
}
