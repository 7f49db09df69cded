package dev.selfheal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.exec.CommandSpec;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.Progress;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.LogicProject;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The logic tier's speed on a small Maven project (3 classes, 15 JUnit 5 tests): candidates checked
 * per second in the warm worker, and a one-line regression's heal against one cold {@code mvn -B
 * verify} of the same broken project. Run with {@code bench/logic.sh [runs]}.
 */
public final class LogicBench {
  /** file, the text a refactoring replaced, what it wrote, the commit message. */
  private static final String[][] PLANTS = {
    {LogicProject.PRICING, "total >= 100", "total > 100", "refactor: tidy pricing"},
    {LogicProject.STOCK, "have < quantity", "have <= quantity", "refactor: simpler stock"},
    {LogicProject.PRICING, "(weightKg - 2) * 2", "(weightKg - 2) * 3", "refactor: shipping"},
  };

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path state = Files.createTempDirectory("selfheal-bench-state");
    CommandRunner runner = CommandRunner.system();
    throughput(state);
    List<Double> ratios = new ArrayList<>();
    List<Double> fixRatios = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      for (String[] p : PLANTS) {
        Path repo = broken(p);
        long c0 = System.nanoTime();
        var cold =
            runner.run(
                CommandSpec.of(
                    "mvn -B -q verify", repo, Duration.ofMinutes(5), state.resolve("cold.log")));
        long coldMs = (System.nanoTime() - c0) / 1_000_000;
        GitRepos.git(repo, "clean", "-fdxq");
        long h0 = System.nanoTime();
        HealReport r = heal(repo, state).report();
        long healMs = (System.nanoTime() - h0) / 1_000_000;
        long toFix = r.timingsMs().total() - r.timingsMs().detect();
        ratios.add((double) healMs / coldMs);
        fixRatios.add((double) toFix / coldMs);
        System.out.printf(
            "run %d %-22s cold verify %5d ms (exit %d) | heal %5d ms, %s by %s | time to fix"
                + " (detection to validated fix) %5d ms | heal/cold %.2f, fix/cold %.2f%n",
            i + 1,
            p[1] + " → " + p[2],
            coldMs,
            cold.exitCode(),
            healMs,
            r.status().wire(),
            r.fixes().isEmpty() ? "-" : r.fixes().get(0).strategy(),
            toFix,
            (double) healMs / coldMs,
            (double) toFix / coldMs);
      }
    }
    System.out.printf(
        "median heal/cold %.2f, median time-to-fix/cold %.2f over %d heals%n",
        median(ratios), median(fixRatios), ratios.size());
  }

  /** A bug no template can fix: every candidate is compiled and run, the failing test first. */
  private static void throughput(Path state) throws Exception {
    Path repo =
        broken(
            new String[] {
              LogicProject.PRICING, "return total / 10;", "return total / 7 + 3;", "feat: x"
            });
    HealPipeline.Result r = heal(repo, state);
    JsonNode loc = Json.mapper().readTree(r.run().path().resolve("localize.json").toFile());
    JsonNode rep = loc.path("repair");
    int tried = rep.path("tried").asInt();
    long ms = rep.path("millis").asLong();
    System.out.printf(
        "throughput: %d candidates checked in %d ms in the warm worker = %.1f candidates/s"
            + " (%d did not compile, %d hung); ranking %d ms for %d tests%n",
        tried,
        ms,
        1000.0 * tried / Math.max(1, ms),
        rep.path("did_not_compile").asInt(),
        rep.path("hung").asInt(),
        r.report().localization().millis() - ms,
        r.report().localization().failingTests() + r.report().localization().passingTests());
  }

  private static Path broken(String[] p) throws Exception {
    Path repo = Files.createTempDirectory("selfheal-bench-logic");
    LogicProject.write(repo, false);
    GitRepos.commitAll(repo, "shop");
    LogicProject.plant(repo, p[0], p[1], p[2]);
    GitRepos.commitAll(repo, p[3]);
    return repo;
  }

  private static HealPipeline.Result heal(Path repo, Path state) throws Exception {
    return new HealPipeline(TestEnv.with(state))
        .heal(
            new HealRequest(
                repo, "mvn -B verify", null, HealReport.DeliveryMode.DRY_RUN, null, null, true),
            Progress.silent());
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    return s.isEmpty() ? 0 : s.get(s.size() / 2);
  }
}
