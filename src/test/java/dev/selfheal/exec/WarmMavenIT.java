package dev.selfheal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Maven builds of a small project, in warm JVMs and as processes, compared. */
class WarmMavenIT {
  @TempDir Path dir;

  private WarmMaven warm;
  private CommandRunner plain;
  private CommandRunner warmRunner;

  @BeforeEach
  void runners() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOME", System.getProperty("user.home"));
    plain = new CommandRunner(env, Clock.systemUTC());
    WarmMaven.Lookup found = WarmMaven.find(env, dir.resolve("jvms"));
    assertThat(found.maven()).as(found.description()).isPresent();
    warm = found.maven().get();
    warmRunner = plain.withWarmMaven(warm);
  }

  @AfterEach
  void close() {
    warm.close();
  }

  private Path shop(String name, boolean fixed) {
    Path p = Projects.copy("demo-shop", dir.resolve(name));
    if (fixed) {
      Projects.write(
          p,
          "src/main/java/com/example/shop/Cart.java",
          read(p.resolve("src/main/java/com/example/shop/Cart.java"))
              .replace(
                  "import java.util.ArrayList;",
                  "import java.util.ArrayList;\nimport java.util.List;"));
    }
    return p;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private CommandResult run(CommandRunner r, String cmd, Path repo, String log) throws Exception {
    return r.run(CommandSpec.of(cmd, repo, Duration.ofMinutes(5), dir.resolve(log)));
  }

  /** The lines a person or a parser reads, without times and the folder each copy is in. */
  private static List<String> essence(Path log, Path repo) {
    return read(log)
        .replace(repo.toString(), "<repo>")
        .lines()
        .filter(l -> l.startsWith("[ERROR]") || l.contains("Tests run:") || l.contains("BUILD"))
        .map(l -> l.replaceAll("Time elapsed: [\\d.]+ s", "Time elapsed: ? s"))
        .toList();
  }

  @Test
  void aFailingAndAPassingBuildEndAsTheyDoInAProcess() throws Exception {
    Path broken1 = shop("broken1", false);
    Path broken2 = shop("broken2", false);
    CommandResult p = run(plain, "mvn -B verify", broken1, "p.log");
    CommandResult w = run(warmRunner, "mvn -B verify", broken2, "w.log");
    assertThat(w.exitCode()).isEqualTo(p.exitCode()).isEqualTo(1);
    assertThat(essence(dir.resolve("w.log"), broken2))
        .isEqualTo(essence(dir.resolve("p.log"), broken1))
        .anyMatch(l -> l.contains("cannot find symbol"));

    Path ok1 = shop("ok1", true);
    Path ok2 = shop("ok2", true);
    assertThat(run(plain, "mvn -B verify", ok1, "p2.log").exitCode()).isZero();
    CommandResult w2 = run(warmRunner, "mvn -B verify", ok2, "w2.log");
    assertThat(w2.exitCode()).isZero();
    assertThat(w2.outputBytes()).isEqualTo(Files.size(dir.resolve("w2.log")));
    assertThat(essence(dir.resolve("w2.log"), ok2))
        .isEqualTo(essence(dir.resolve("p2.log"), ok1))
        .contains("[INFO] BUILD SUCCESS");
    assertThat(Files.list(ok2.resolve("target/surefire-reports")).toList()).isNotEmpty();
    assertThat(warm.stats()).isEqualTo(new WarmMaven.Stats(2, 1, 0));
  }

  @Test
  void aTargetedRunLeavesNothingBehindForTheNextBuild() throws Exception {
    Path repo = shop("repo", true);
    run(
        warmRunner,
        "mvn -B test -Dtest='CartTest#emptyCartCostsNothing' -Dsurefire.failIfNoSpecifiedTests=false",
        repo,
        "t.log");
    assertThat(testsRun(dir.resolve("t.log"))).isEqualTo(1);
    run(warmRunner, "mvn -B verify", repo, "f.log");
    assertThat(testsRun(dir.resolve("f.log"))).isEqualTo(2);
    assertThat(warm.stats()).isEqualTo(new WarmMaven.Stats(2, 1, 0));
  }

  private static int testsRun(Path log) {
    Matcher m = Pattern.compile("Tests run: (\\d+), Failures").matcher(read(log));
    int last = -1;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    return last;
  }

  @Test
  void aQuietBuildGetsAJvmOfItsOwnBecauseMavenSetsItsLogLevelOncePerJvm() throws Exception {
    Path repo = shop("repo", true);
    run(warmRunner, "mvn -B -q validate", repo, "q.log");
    run(warmRunner, "mvn -B validate", repo, "v.log");
    assertThat(read(dir.resolve("q.log"))).doesNotContain("[INFO]");
    assertThat(read(dir.resolve("v.log"))).contains("[INFO] BUILD SUCCESS");
    assertThat(warm.stats()).isEqualTo(new WarmMaven.Stats(2, 2, 0));
  }

  @Test
  void commandsOnlyAShellRunsExactlyAreLeftToAProcess() throws Exception {
    Path repo = shop("repo", true);
    CommandResult r = run(warmRunner, "mvn -B validate | tail -3", repo, "pipe.log");
    assertThat(r.exitCode()).isZero();
    assertThat(read(dir.resolve("pipe.log")).lines()).hasSize(3);
    run(warmRunner, "MAVEN_OPTS=-Xmx64m mvn -B validate", repo, "assign.log");
    assertThat(read(dir.resolve("assign.log"))).contains("BUILD SUCCESS");
    assertThat(warm.stats().warmBuilds()).isZero();
    assertThat(warm.stats().declined()).isEqualTo(1);
    assertThat(read(dir.resolve("jvms/declined.log"))).isEqualTo("mvn -B validate | tail -3\n");
  }

  @Test
  void aBuildOverItsTimeIsKilledWithItsTestJvmAndTheNextOneGetsAFreshJvm() throws Exception {
    Path repo = shop("repo", true);
    Projects.write(
        repo,
        "src/test/java/com/example/shop/SlowTest.java",
        """
        package com.example.shop;

        class SlowTest {
          @org.junit.jupiter.api.Test
          void sleeps() throws Exception {
            Thread.sleep(120_000);
          }
        }
        """);
    long t0 = System.nanoTime();
    CommandResult r =
        warmRunner.run(
            CommandSpec.of("mvn -B verify", repo, Duration.ofSeconds(15), dir.resolve("slow.log")));
    assertThat(r.timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    Thread.sleep(500);
    assertThat(
            ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(repo.toString())))
        .as("the forked test JVM is gone")
        .isEmpty();
    Files.delete(repo.resolve("src/test/java/com/example/shop/SlowTest.java"));
    assertThat(run(warmRunner, "mvn -B verify", repo, "after.log").exitCode()).isZero();
    assertThat(warm.stats()).isEqualTo(new WarmMaven.Stats(2, 2, 0));
  }

  @Test
  void theProjectsJvmConfigStartsItsOwnJvm() throws Exception {
    Path a = shop("a", true);
    Path b = shop("b", true);
    Projects.write(b, ".mvn/jvm.config", "-XX:TieredStopAtLevel=1\n-Dshop.flag=on\n");
    run(warmRunner, "mvn -B -q validate", a, "a.log");
    run(
        warmRunner,
        "mvn -B org.apache.maven.plugins:maven-help-plugin:3.5.2:evaluate -Dexpression=shop.flag -q -DforceStdout",
        b,
        "b.log");
    assertThat(read(dir.resolve("b.log")).strip()).isEqualTo("on");
    assertThat(warm.stats().jvmsStarted()).isEqualTo(2);
  }

  @Test
  void aJvmThatCannotStartIsGivenUpAtOnceAndTheBuildRunsAsTheScriptWould() throws Exception {
    Path repo = shop("repo", true);
    Projects.write(repo, ".mvn/jvm.config", "-XX:+NoSuchOptionAnywhere\n");
    long t0 = System.nanoTime();
    CommandResult r = run(warmRunner, "mvn -B validate", repo, "bad.log");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    assertThat(r.exitCode()).isNotZero();
    assertThat(read(dir.resolve("bad.log"))).contains("NoSuchOptionAnywhere");
    assertThat(warm.stats()).isEqualTo(new WarmMaven.Stats(0, 1, 1));
    assertThat(read(dir.resolve("jvms/jvm-1.log"))).contains("before connecting");
  }
}
