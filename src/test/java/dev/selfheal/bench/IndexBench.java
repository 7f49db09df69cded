package dev.selfheal.bench;

import dev.selfheal.fix.DependencyIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Time to build the dependency index: {@code jars} real jars from the local Maven repository on one
 * module's classpath, indexed cold (empty cache: every jar's central directory read, the cache
 * written), then warm (read back from the cache), {@code runs} times each. The build's own
 * resolution (one Maven call) is timed separately by {@code bench/index.sh}. Run with {@code
 * bench/index.sh [jars] [runs]}.
 */
public final class IndexBench {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
    List<Path> jars;
    try (Stream<Path> walk = Files.walk(m2)) {
      jars =
          walk.filter(p -> p.toString().endsWith(".jar"))
              .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
              .sorted()
              .limit(count)
              .toList();
    }
    long bytes = 0;
    for (Path j : jars) {
      bytes += Files.size(j);
    }
    Path repo = Files.createTempDirectory("selfheal-indexbench");
    Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
    System.out.printf("%d jars, %.1f MiB%n", jars.size(), bytes / 1048576.0);
    for (int r = 0; r < runs; r++) {
      Path cache = Files.createTempDirectory("selfheal-indexbench-cache");
      long t0 = System.nanoTime();
      DependencyIndex cold = new DependencyIndex(repo, cache, x -> Map.of("", jars));
      int types = 0;
      for (Path j : cold.classpaths().get("")) {
        types += cold.typesIn(j).size();
      }
      long coldMs = (System.nanoTime() - t0) / 1_000_000;
      long t1 = System.nanoTime();
      DependencyIndex warm =
          new DependencyIndex(
              repo,
              cache,
              x -> {
                throw new IllegalStateException("the cache should have answered");
              });
      int hits = 0;
      for (Path j : warm.classpaths().get("")) {
        hits += warm.typesIn(j).size();
      }
      long warmMs = (System.nanoTime() - t1) / 1_000_000;
      System.out.printf(
          "run %d: cold %d ms (%d types), warm %d ms (%d types from the cache)%n",
          r + 1, coldMs, types, warmMs, hits);
    }
  }
}
