package dev.selfheal.bench;

import dev.selfheal.exec.CommandResult;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.exec.CommandSpec;
import dev.selfheal.exec.WarmMaven;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A build's cost as a fresh {@code mvn} process and in a warm Maven JVM: {@code builds} runs of
 * {@code mvn -B -o clean verify} in a project resolved beforehand, one mode per run of this main
 * (so {@code /usr/bin/time} around it counts the CPU of every JVM involved). Run with {@code
 * bench/maven.sh [builds]}.
 */
public final class MavenBench {
  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]);
    int builds = Integer.parseInt(args[1]);
    boolean warm = args[2].equals("warm");
    CommandRunner plain = CommandRunner.system();
    Path jvms = Files.createTempDirectory("selfheal-mavenbench");
    WarmMaven maven = warm ? WarmMaven.find(System.getenv(), jvms).maven().orElseThrow() : null;
    CommandRunner runner = warm ? plain.withWarmMaven(maven) : plain;
    List<Long> ms = new ArrayList<>();
    try {
      for (int i = 0; i < builds; i++) {
        CommandResult r =
            runner.run(
                CommandSpec.of(
                    "mvn -B -o clean verify",
                    project,
                    Duration.ofMinutes(5),
                    jvms.resolve("build-" + i + ".log")));
        if (!r.passed()) {
          throw new IllegalStateException("build " + i + " failed; see " + r.output());
        }
        ms.add(r.elapsed().toMillis());
      }
    } finally {
      if (maven != null) {
        maven.close();
      }
    }
    List<Long> sorted = ms.stream().sorted().toList();
    System.out.printf(
        "%s: %d builds, first %d ms, median %d ms, fastest %d ms, slowest %d ms%n",
        warm ? "warm JVM" : "fresh process",
        builds,
        ms.get(0),
        sorted.get(sorted.size() / 2),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }
}
