package dev.selfheal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfheal.cli.CliRun;
import dev.selfheal.pipeline.Json;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eval's smoke slice, part of the README's test command: the hand-written cases (every tool,
 * every outcome) scored through the CLI, the gate, the self-test, and drill on a real project.
 */
class EvalCliIT {
  @TempDir Path tmp;

  @Test
  void theHandWrittenSliceScoresWritesItsReportsAndTheGateTrips() throws Exception {
    Path report = tmp.resolve("report");
    CliRun r =
        CliRun.run(
            tmp.resolve("state"),
            "eval",
            "--golden",
            "golden",
            "--slice",
            "hand",
            "--report",
            report.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = Json.mapper().readTree(Files.readString(report.resolve("scorecard.json")));
    assertThat(s.path("schema").asText()).isEqualTo("selfheal.scorecard/v1");
    assertThat(s.path("cases").asInt()).isEqualTo(14);
    assertThat(s.path("score").asDouble()).isGreaterThanOrEqualTo(90.0);
    assertThat(s.path("slices").path("pytest").path("cases").asInt()).isEqualTo(2);
    // No provider here and no recording of a verdict: the judge is replayed and has nothing to say.
    assertThat(s.path("llm").path("mode").asText()).isEqualTo("replay");
    assertThat(s.path("graders").path("judge").asText())
        .isEqualTo("replayed, but no fix got a verdict (each case's judge grade says why)");
    assertThat(s.path("judge_score").isNull()).isTrue();
    assertThat(s.path("config_hash").asText()).hasSize(16);
    // The Maven cases' builds ran in warm JVMs, none of them left to a process.
    assertThat(s.path("builds").path("maven").asText()).isEqualTo("warm");
    assertThat(s.path("builds").path("warm_builds").asInt()).isGreaterThanOrEqualTo(8);
    assertThat(s.path("builds").path("declined").asInt()).isZero();
    JsonNode first = s.path("results").get(0);
    assertThat(
            first.has("id")
                && first.has("tags")
                && first.has("passed")
                && first.has("status")
                && first.has("seconds")
                && first.has("cost_usd"))
        .isTrue();
    assertThat(first.path("graders").has("execution")).isTrue();
    var junit =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(report.resolve("junit.xml").toFile());
    assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(14);
    assertThat(Files.readString(report.resolve("summary.md")))
        .contains("| slice | cases | score |");

    // A golden set of its own, two cases: against a baseline 5 points better, the gate trips.
    Path mini = tmp.resolve("mini");
    Projects.copyTree(Path.of("golden/bases/javac-tally"), mini.resolve("bases/javac-tally"));
    Projects.copyTree(
        Path.of("golden/cases/javac-missing-import"), mini.resolve("cases/javac-missing-import"));
    Projects.copyTree(
        Path.of("golden/cases/javac-type-mismatch"), mini.resolve("cases/javac-type-mismatch"));
    CliRun mini1 =
        CliRun.run(
            tmp.resolve("state"),
            "eval",
            "--golden",
            mini.toString(),
            "--report",
            tmp.resolve("r2").toString());
    assertThat(mini1.exit()).as(mini1.err()).isZero();
    ObjectNode better =
        (ObjectNode) Json.mapper().readTree(Files.readString(tmp.resolve("r2/scorecard.json")));
    better.put("score", better.path("score").asDouble() + 5);
    Path baseline = tmp.resolve("baseline.json");
    Files.writeString(baseline, Json.mapper().writeValueAsString(better));
    CliRun gated =
        CliRun.run(
            tmp.resolve("state"),
            "eval",
            "--golden",
            mini.toString(),
            "--baseline",
            baseline.toString(),
            "--report",
            tmp.resolve("r3").toString());
    assertThat(gated.exit()).as(gated.err()).isEqualTo(3);
    assertThat(gated.err()).contains("gate      tripped");
    assertThat(Files.readString(tmp.resolve("r3/summary.md")))
        .contains("The gate tripped")
        .contains("overall");
    CliRun holds =
        CliRun.run(
            tmp.resolve("state"),
            "eval",
            "--golden",
            mini.toString(),
            "--baseline",
            tmp.resolve("r2/scorecard.json").toString(),
            "--report",
            tmp.resolve("r4").toString());
    assertThat(holds.exit()).isZero();

    assertThat(
            CliRun.run(tmp.resolve("state"), "eval", "--golden", tmp.resolve("none").toString())
                .exit())
        .isEqualTo(2);
    assertThat(
            CliRun.run(tmp.resolve("state"), "eval", "--golden", "golden", "--slice", "cobol")
                .err())
        .contains("no case has the slice");
    CliRun badJvm = CliRun.run(tmp.resolve("state"), "eval", "--maven-jvm", "cold");
    assertThat(badJvm.exit()).isEqualTo(2);
    assertThat(badJvm.err()).contains("--maven-jvm cold: expected warm or fresh");
  }

  @Test
  void theHandWrittenCasesAreWhatTheySay() {
    CliRun r =
        CliRun.run(
            tmp.resolve("state"), "eval", "--golden", "golden", "--slice", "hand", "--self-test");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("self-test 14/14");
  }

  @Test
  void drillBreaksScratchClonesAndLeavesTheTreeAlone() throws Exception {
    Path repo = tmp.resolve("inventory");
    Projects.copy("inventory", repo);
    GitRepos.commitAll(repo, "feat: inventory");
    String head = GitRepos.output(repo, "rev-parse", "HEAD");
    CliRun r =
        CliRun.run(
            tmp.resolve("state"),
            "drill",
            "--repo",
            repo.toString(),
            "--count",
            "3",
            "--seed",
            "7");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("drill     3 breakage(s)")
        .contains("category")
        .contains("expected");
    assertThat(GitRepos.output(repo, "rev-parse", "HEAD")).isEqualTo(head);
    assertThat(GitRepos.output(repo, "status", "--porcelain")).isEmpty();
    assertThat(CliRun.run(tmp.resolve("state"), "drill", "--repo", tmp.toString()).exit())
        .isEqualTo(2);
  }

  @Test
  void drillBreaksTheLastCommitNotTheUncommittedEdits() throws Exception {
    Path repo = tmp.resolve("edited");
    Projects.copy("inventory", repo);
    GitRepos.commitAll(repo, "feat: inventory");
    java.util.List<Path> sources;
    try (var walk = Files.walk(repo.resolve("src/main/java"))) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path p : sources) {
      Files.writeString(p, Files.readString(p) + "// an uncommitted edit\n");
    }
    Drill.Report r =
        Drill.run(
            repo,
            3,
            7,
            dev.selfheal.testing.TestEnv.with(tmp.resolve("state")),
            Files.createDirectories(tmp.resolve("work")),
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    assertThat(r.cases()).hasSize(3);
    assertThat(r.cases())
        .allSatisfy(
            c ->
                assertThat(c.breakage().writes().values())
                    .noneMatch(t -> t.contains("uncommitted")));
    assertThat(GitRepos.output(repo, "status", "--porcelain").lines()).hasSize(sources.size());
    assertThat(Files.readString(sources.get(0))).endsWith("// an uncommitted edit\n");
  }

  @Test
  void drillRefusesARedCommitAndSaysWhichFailure() throws Exception {
    Path repo = tmp.resolve("red");
    Projects.copy("inventory", repo);
    Path test = repo.resolve("src/test/java/com/example/inventory/service/StockTest.java");
    Files.writeString(test, Files.readString(test).replace("assertEquals(24,", "assertEquals(25,"));
    GitRepos.commitAll(repo, "test: red");
    CliRun r = CliRun.run(tmp.resolve("state"), "drill", "--repo", repo.toString(), "--count", "2");
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains("its last commit does not pass `mvn -B verify`")
        .contains("StockTest#")
        .doesNotContain("category");
  }
}
