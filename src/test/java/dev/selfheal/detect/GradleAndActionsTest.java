package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradle cannot run here: its samples follow the console format Gradle 8 prints (test logging's
 * "Class > method FAILED" with the exception indented below, javac's own error format, Kotlin's "e:
 * file:///…:line:col" and the "What went wrong" block), as seen in public build logs. The Actions
 * log wraps a recorded Maven run in the runner's timestamp, group and colour format.
 */
class GradleAndActionsTest {
  @TempDir Path repo;

  @Test
  void gradleCompileErrorFromAnotherMachine() {
    Fixtures.layout(repo, "settings.gradle", "app/src/main/java/demo/App.java");
    assertThat(Fixtures.scan("gradle/compile-and-test.log", repo, null))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.COMPILE_ERROR);
              assertThat(x.file()).isEqualTo("app/src/main/java/demo/App.java");
              assertThat(x.line()).isEqualTo(10);
              assertThat(x.column()).isEqualTo(29);
              assertThat(x.message()).isEqualTo("cannot find symbol: method greting()");
            });
  }

  @Test
  void gradleTestFailures() {
    Fixtures.layout(
        repo,
        "settings.gradle",
        "lib/src/test/java/demo/lib/CalculatorTest.java",
        "lib/src/test/java/demo/lib/GreeterTest.java");
    List<Failure> f = Fixtures.scan("gradle/test-failures.log", repo, null);
    assertThat(f)
        .extracting(Failure::test, Failure::file, Failure::line)
        .containsExactly(
            tuple(
                "demo.lib.CalculatorTest#addsNumbers",
                "lib/src/test/java/demo/lib/CalculatorTest.java",
                14),
            tuple("GreeterTest#greetsByName", "lib/src/test/java/demo/lib/GreeterTest.java", 9));
    assertThat(f.get(0).details().expected()).isEqualTo("5");
  }

  @Test
  void gradleXmlReportFoldsWithTheConsole() {
    Fixtures.layout(repo, "settings.gradle", "lib/src/test/java/demo/lib/CalculatorTest.java");
    JUnitXmlReport.Result r =
        JUnitXmlReport.read(
            Fixtures.path("gradle/TEST-demo.lib.CalculatorTest.xml"),
            new ParseContext(new PathResolver(new RepoFiles(repo))));
    assertThat(r.failures())
        .extracting(Failure::test, Failure::line)
        .containsExactly(tuple("demo.lib.CalculatorTest#addsNumbers", 14));
    assertThat(r.outcomes())
        .extracting(TestOutcome::id)
        .contains("demo.lib.CalculatorTest#subtracts");
  }

  @Test
  void kotlinCompileError() {
    Fixtures.layout(repo, "settings.gradle.kts", "app/src/main/kotlin/demo/App.kt");
    assertThat(Fixtures.scan("gradle/kotlin-compile.log", repo, null))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.file()).isEqualTo("app/src/main/kotlin/demo/App.kt");
              assertThat(x.line()).isEqualTo(7);
              assertThat(x.column()).isEqualTo(20);
            });
  }

  @Test
  void actionsLogIsCleanedAndFailuresKnowTheirStep() {
    Fixtures.layout(
        repo,
        "pom.xml",
        "core/src/test/java/com/acme/core/GreeterTest.java",
        "api/src/test/java/com/acme/api/TotalsTest.java",
        "core/src/main/java/com/acme/core/Greeter.java");
    List<Failure> f = Fixtures.scan("actions/maven-surefire-job.log", repo, null);
    assertThat(f)
        .extracting(Failure::test, Failure::file, Failure::line)
        .containsExactly(
            tuple(
                "com.acme.core.GreeterTest#greetsByName",
                "core/src/test/java/com/acme/core/GreeterTest.java",
                12),
            tuple(
                "com.acme.core.GreeterTest#lengthOfNull",
                "core/src/test/java/com/acme/core/GreeterTest.java",
                17),
            tuple(
                "com.acme.api.TotalsTest#doublesEach",
                "api/src/test/java/com/acme/api/TotalsTest.java",
                11),
            tuple(
                "com.acme.api.TotalsTest#sumMatches",
                "api/src/test/java/com/acme/api/TotalsTest.java",
                16));
    assertThat(f)
        .allSatisfy(
            x -> {
              assertThat(x.details().step()).isEqualTo("mvn -B verify");
              assertThat(x.message()).doesNotContain("\u001b");
            });
    // the same failures as the plain log: CI decoration does not change a fingerprint
    assertThat(f)
        .extracting(Failure::fingerprint)
        .isEqualTo(
            Fixtures.scan("surefire/multimodule-console.log", repo, "/tmp/fx/mtest").stream()
                .map(Failure::fingerprint)
                .toList());
  }
}
