package dev.selfheal.eval;

import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.ScratchRepo;
import dev.selfheal.pipeline.UsageException;
import dev.selfheal.pipeline.Warmup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Before the cases run in parallel and offline, each Maven base project is built once online, so
 * everything its copies need is in the local repository (Maven 3.8 does not lock it between
 * concurrent builds).
 */
final class Warm {
  private Warm() {}

  /**
   * Resolves each Maven base, then (when asked) makes a class-data-sharing archive of Maven's start
   * for the cases' builds; returns the {@code MAVEN_OPTS} flags that use it (empty without Maven
   * bases or when not asked).
   */
  static java.util.Optional<String> bases(
      List<GoldenCase> cases, Environment env, Path work, PrintStream progress, boolean archive)
      throws IOException {
    Set<Path> bases = new LinkedHashSet<>();
    for (GoldenCase c : cases) {
      if (c.tag("tool").equals("maven")) {
        bases.add(c.source().base());
      }
    }
    int i = 0;
    for (Path base : bases) {
      long t0 = System.nanoTime();
      Path repo =
          ScratchRepo.create(base, work.resolve("warm").resolve(Integer.toString(i++)), "warm-up");
      try {
        Warmup.resolve(env, repo, "mvn -B verify", work.resolve("warm").resolve("logs-" + i));
      } catch (UsageException e) {
        throw new IOException(
            "cannot build " + base + " to resolve its dependencies: " + e.getMessage(), e);
      }
      progress.printf("warm      %s resolved (%.0f s)%n", base, (System.nanoTime() - t0) / 1e9);
    }
    if (bases.isEmpty() || !archive) {
      return java.util.Optional.empty();
    }
    return Warmup.mavenClassArchive(
        env, work.resolve("warm").resolve("0"), work.resolve("warm").resolve("maven.jsa"));
  }
}
