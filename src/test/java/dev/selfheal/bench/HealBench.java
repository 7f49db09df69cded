package dev.selfheal.bench;

import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Time per stage of a heal of the bundled example, the build and test runs it needed, and the
 * healer's own share (everything but the time inside build commands). Run with {@code bench/heal.sh
 * [runs]}.
 */
public final class HealBench {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path state = Files.createTempDirectory("selfheal-bench-state");
    for (int i = 0; i < runs; i++) {
      Path repo = Files.createTempDirectory("selfheal-bench-repo");
      Projects.copy("demo-shop", repo);
      GitRepos.commitAll(repo, "feat: cart");
      HealReport r =
          new HealPipeline(TestEnv.with(state))
              .heal(
                  new HealRequest(
                      repo,
                      "mvn -B verify",
                      null,
                      HealReport.DeliveryMode.DRY_RUN,
                      null,
                      null,
                      true),
                  Progress.silent())
              .report();
      HealReport.Timings t = r.timingsMs();
      long build = r.validation().buildMillis();
      System.out.printf(
          "run %d: %s; total %d ms = detect %d + diagnose %d + fix %d + validate %d + deliver %d (+ workspace);"
              + " %d build runs taking %d ms; healer's own work %d ms = %.1f%%%n",
          i + 1,
          r.status().wire(),
          t.total(),
          t.detect(),
          t.diagnose(),
          t.fix(),
          t.validate(),
          t.deliver(),
          r.validation().buildRuns(),
          build,
          t.total() - build,
          100.0 * (t.total() - build) / t.total());
    }
  }
}
