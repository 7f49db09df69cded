package dev.selfheal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spotless, Checkstyle, PMD and SpotBugs through Maven, recorded on this machine. */
class LintParsersTest {
  @TempDir Path repo;

  @Test
  void spotlessNamesTheFileAndTheFirstChangedLine() {
    Fixtures.layout(repo, "pom.xml", "src/main/java/com/acme/Messy.java");
    List<Failure> f = Fixtures.scan("lint/spotless.log", repo, "/tmp/fx/lint");
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.LINT_VIOLATION);
              assertThat(x.file()).isEqualTo("src/main/java/com/acme/Messy.java");
              assertThat(x.line()).isEqualTo(3);
              assertThat(x.message()).contains("mvn spotless:apply");
              assertThat(x.details().tool()).isEqualTo("spotless");
            });
  }

  @Test
  void checkstyleAuditAndSummaryFoldIntoOneEach() {
    Fixtures.layout(repo, "pom.xml", "src/main/java/com/acme/Untidy.java");
    List<Failure> f = Fixtures.scan("lint/checkstyle.log", repo, "/tmp/fx/checkstyle");
    assertThat(f)
        .extracting(Failure::line, Failure::column, Failure::message)
        .containsExactly(
            tuple(1, null, "NewlineAtEndOfFile: File does not end with a newline."),
            tuple(3, 8, "UnusedImports: Unused import - java.util.List."),
            tuple(5, 1, "RedundantImport: Duplicate import to line 4 - java.util.Map."),
            tuple(7, null, "RegexpSingleline: Line has trailing spaces."),
            tuple(
                8,
                1,
                "FileTabCharacter: File contains tab characters (this is the first instance)."));
    assertThat(f)
        .allSatisfy(x -> assertThat(x.file()).isEqualTo("src/main/java/com/acme/Untidy.java"));
  }

  @Test
  void pmdResolvesTheClassToItsFile() {
    Fixtures.layout(repo, "pom.xml", "src/main/java/com/acme/Wasteful.java");
    assertThat(Fixtures.scan("lint/pmd.log", repo, "/tmp/fx/pmd"))
        .extracting(Failure::file, Failure::line, Failure::message)
        .containsExactly(
            tuple(
                "src/main/java/com/acme/Wasteful.java",
                8,
                "EmptyCatchBlock: Avoid empty catch blocks."));
  }

  @Test
  void spotbugsResolvesTheClassToItsFile() {
    Fixtures.layout(repo, "pom.xml", "src/main/java/com/acme/Buggy.java");
    assertThat(Fixtures.scan("lint/spotbugs.log", repo, "/tmp/fx/spotbugs"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.file()).isEqualTo("src/main/java/com/acme/Buggy.java");
              assertThat(x.line()).isEqualTo(5);
              assertThat(x.details().rule()).isEqualTo("ES_COMPARING_PARAMETER_STRING_WITH_EQ");
            });
  }
}
