package dev.selfheal.localize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.exec.CommandSpec;
import dev.selfheal.testing.LogicProject;
import dev.selfheal.testing.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm worker against tests that misbehave: one that never ends costs one deadline and a new
 * worker; one that calls {@code System.exit} fails instead of ending the worker; a candidate that
 * does not compile in memory is an error for that candidate only; and coverage resumes past a hang.
 */
class TestWorkerIT {
  @TempDir static Path repo;
  @TempDir Path work;
  private TestWorker worker;

  private static final String WILD = "com.acme.shop.WildTest";
  private static boolean built;

  @BeforeEach
  void start() throws Exception {
    if (!built) {
      LogicProject.write(repo, false);
      Projects.write(
          repo,
          "src/test/java/com/acme/shop/WildTest.java",
          """
          package com.acme.shop;

          import static org.junit.jupiter.api.Assertions.assertEquals;

          import org.junit.jupiter.api.Test;

          class WildTest {
            @Test
            void passes() {
              assertEquals(10, Pricing.discount(100));
            }

            @Test
            void fails() {
              assertEquals(11, Pricing.discount(100));
            }

            @Test
            void hangs() {
              while (Pricing.discount(1) == 0) {
                Thread.onSpinWait();
              }
            }

            @Test
            void exits() {
              System.exit(3);
            }
          }
          """);
      var r =
          CommandRunner.system()
              .run(
                  CommandSpec.of(
                      "mvn -B -q test-compile",
                      repo,
                      Duration.ofMinutes(5),
                      repo.resolve("b.log")));
      assertThat(r.exitCode()).isZero();
      built = true;
    }
    var jars =
        dev.selfheal.fix.DependencyIndex.maven(CommandRunner.system(), repo, null, work)
            .classpaths()
            .get("");
    TestClasspath cp = TestClasspath.of(repo, "", jars);
    worker =
        TestWorker.start(
            CommandRunner.system(),
            cp,
            WorkerLibraries.launcher(cp.libraries()),
            TestWorker.workerClasses(work.resolve("classes")),
            WorkerLibraries.agentOptions(WorkerLibraries.jacocoAgent(work), List.of("com.acme.*")),
            repo,
            work.resolve("worker.log"));
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  private List<TestWorker.Result> run(
      boolean coverage, Map<String, String> sources, String... tests) throws Exception {
    return worker.run(coverage, List.of(tests), sources, t -> Duration.ofSeconds(3));
  }

  @Test
  void aTestThatNeverEndsCostsOneDeadlineAndANewWorker() throws Exception {
    assertThat(run(false, Map.of(), WILD + "#hangs"))
        .singleElement()
        .satisfies(r -> assertThat(r.result()).isEqualTo("HUNG"));
    assertThat(worker.replaced()).isEqualTo(1);
    assertThat(run(false, Map.of(), WILD + "#passes")).allMatch(TestWorker.Result::passed);
  }

  @Test
  void aTestThatExitsTheJvmFailsAndTheWorkerGoesOn() throws Exception {
    List<TestWorker.Result> r = run(false, Map.of(), WILD + "#exits");
    assertThat(r).singleElement().satisfies(x -> assertThat(x.failed()).isTrue());
    assertThat(run(false, Map.of(), WILD + "#passes")).allMatch(TestWorker.Result::passed);
  }

  @Test
  void aCheckStopsAtItsFirstFailureAndCoverageResumesPastAHang() throws Exception {
    assertThat(run(false, Map.of(), WILD + "#fails", WILD + "#passes")).hasSize(1);
    List<TestWorker.Result> covered =
        run(true, Map.of(), WILD + "#passes", WILD + "#hangs", WILD + "#fails");
    assertThat(covered)
        .extracting(TestWorker.Result::result)
        .containsExactly("PASS", "HUNG", "FAIL");
    assertThat(covered.get(0).coverage()).isNotEmpty();
    assertThat(covered.get(2).coverage()).as("recorded in the new worker").isNotEmpty();
  }

  @Test
  void aCandidateIsCompiledInMemoryAndOneThatDoesNotCompileIsRefusedAlone() throws Exception {
    String pricing = Files.readString(repo.resolve(LogicProject.PRICING));
    String eleven = pricing.replace("return total / 10;", "return total / 10 + 1;");
    assertThat(run(false, Map.of("com.acme.shop.Pricing", eleven), WILD + "#fails"))
        .allMatch(TestWorker.Result::passed);
    assertThatThrownBy(
            () ->
                run(
                    false,
                    Map.of("com.acme.shop.Pricing", pricing.replace(";", "")),
                    WILD + "#passes"))
        .isInstanceOf(TestWorker.Failed.class)
        .hasMessageStartingWith("does not compile: line ");
    // the built class is untouched by either
    assertThat(run(false, Map.of(), WILD + "#passes")).allMatch(TestWorker.Result::passed);
    assertThat(Optional.of(worker.replaced())).contains(0);
  }
}
