package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven's own failures, recorded on this machine. */
class MavenParserTest {
  @TempDir Path repo;

  @Test
  void missingArtifact() {
    Fixtures.layout(repo, "pom.xml");
    assertThat(Fixtures.scan("maven/dependency-missing.log", repo, null))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.DEPENDENCY_ERROR);
              assertThat(x.file()).isEqualTo("pom.xml");
              assertThat(x.message())
                  .isEqualTo("Could not resolve artifact com.acme.nowhere:ghost-lib:jar:9.9.9");
            });
  }

  @Test
  void aCachedMissIsTheSameFailure() {
    Fixtures.layout(repo, "pom.xml");
    Failure first = Fixtures.scan("maven/dependency-missing.log", repo, null).get(0);
    Failure cached = Fixtures.scan("maven/dependency-missing-cached.log", repo, null).get(0);
    assertThat(cached.message()).isEqualTo(first.message());
    assertThat(cached.fingerprint()).isEqualTo(first.fingerprint());
  }

  @Test
  void enforcerConvergenceNamesEachArtifactAndItsVersions() {
    Fixtures.layout(repo, "pom.xml");
    List<Failure> f = Fixtures.scan("maven/enforcer-convergence.log", repo, null);
    assertThat(f)
        .extracting(Failure::message)
        .containsExactly(
            "Dependency convergence error for com.fasterxml.jackson.core:jackson-core: versions 2.23.0, 2.21.3, 2.22.0",
            "Dependency convergence error for com.fasterxml.jackson.core:jackson-databind: versions 2.23.0, 2.22.0");
    assertThat(f).allSatisfy(x -> assertThat(x.kind()).isEqualTo(FailureKind.DEPENDENCY_ERROR));
  }

  @Test
  void compilerErrorsWithoutAFileAreBuildErrors() {
    Fixtures.layout(repo, "pom.xml");
    assertThat(Fixtures.scan("maven/source-option-5.log", repo, null))
        .extracting(Failure::kind, Failure::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                FailureKind.BUILD_ERROR, "Source option 5 is no longer supported. Use 7 or later."),
            org.assertj.core.groups.Tuple.tuple(
                FailureKind.BUILD_ERROR,
                "Target option 5 is no longer supported. Use 7 or later."));
  }

  @Test
  void quietModeHasNoInfoLineToCloseTheCompilationBlock() {
    Fixtures.layout(repo, "pom.xml", "src/main/java/com/example/shop/Cart.java");
    assertThat(Fixtures.scan("maven/quiet-compile.log", repo, "/tmp/dtest"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.COMPILE_ERROR);
              assertThat(x.file()).isEqualTo("src/main/java/com/example/shop/Cart.java");
              assertThat(x.message()).isEqualTo("cannot find symbol: class List");
            });
  }

  @Test
  void failedGoalIsTheFallbackOnly() {
    String log =
        "[ERROR] Failed to execute goal org.codehaus.mojo:exec-maven-plugin:3.1.0:exec (run) on project app: "
            + "Command execution failed.: Process exited with an error: 1 (Exit value: 1) -> [Help 1]\n";
    assertThat(LogScanTest.scanText(log, repo))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.BUILD_ERROR);
              assertThat(x.message())
                  .startsWith(
                      "org.codehaus.mojo:exec-maven-plugin:exec failed: Command execution failed.");
            });
  }
}
