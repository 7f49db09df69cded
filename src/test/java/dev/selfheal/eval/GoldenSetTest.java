package dev.selfheal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The golden set in this repository: big enough, tagged, reproducible. */
class GoldenSetTest {
  @Test
  void twoHundredTaggedCasesOverEveryToolAndOutcome() throws Exception {
    List<GoldenCase> cases = GoldenSet.load(Path.of("golden"));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    assertThat(cases.stream().map(GoldenCase::id).distinct()).hasSize(cases.size());
    assertThat(cases)
        .allSatisfy(
            c -> assertThat(c.tags()).containsKeys("category", "tool", "difficulty", "expected"));
    Set<String> tools = cases.stream().map(c -> c.tag("tool")).collect(Collectors.toSet());
    assertThat(tools).contains("maven", "javac", "pytest", "npm");
    Set<Expected> outcomes = cases.stream().map(GoldenCase::expected).collect(Collectors.toSet());
    assertThat(outcomes).containsExactlyInAnyOrder(Expected.values());
    Set<String> categories = cases.stream().map(c -> c.tag("category")).collect(Collectors.toSet());
    assertThat(categories).contains("type_error", "test_failure", "lint_error", "dependency_issue");
    // A healed case says which files a correct fix may touch.
    assertThat(cases.stream().filter(c -> c.expected() == Expected.HEALED))
        .allSatisfy(c -> assertThat(c.allowedFiles()).as(c.id()).isNotEmpty());
  }

  @Test
  void theSameCasesComeOutEveryTime() throws Exception {
    List<String> a = GoldenSet.load(Path.of("golden")).stream().map(GoldenCase::id).toList();
    List<String> b = GoldenSet.load(Path.of("golden")).stream().map(GoldenCase::id).toList();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aBrokenGoldenSetIsAClearError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("cases/x"));
    java.nio.file.Files.writeString(dir.resolve("cases/x/case.yml"), caseYml("expected: fixed\n"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir))
        .hasMessageContaining("case.yml")
        .hasMessageContaining(
            "expected must be healed, rejected, flaky, not_reproduced, not_healed or"
                + " healed_or_declined, not fixed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir.resolve("nope")))
        .hasMessageContaining("no golden set at");

    // A misspelt key is named, not ignored; so is a value of the wrong shape.
    java.nio.file.Files.writeString(
        dir.resolve("cases/x/case.yml"), caseYml("expected: healed\nexpected_with_lm: healed\n"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir))
        .hasMessageContaining("cases/x/case.yml: unknown key `expected_with_lm`")
        .hasMessageContaining("did you mean `expected_with_llm`?");
    java.nio.file.Files.writeString(
        dir.resolve("cases/x/case.yml"), caseYml("expected: healed\nallowed_files: src/A.java\n"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir))
        .hasMessageContaining("`allowed_files` must be a list of values, e.g. [a, b]");
    java.nio.file.Files.delete(dir.resolve("cases/x/case.yml"));
    java.nio.file.Files.writeString(
        dir.resolve("generated.yml"), "seed: 1\nbases:\n  - path: .\n    tol: maven\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir))
        .hasMessageContaining("generated.yml: unknown key `bases[0].tol` (did you mean `tool`?)");
  }

  @Test
  void aGeneratedBaseMayNameItsCommandAndBasesNeedDistinctNames(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path tally = Path.of("golden/bases/javac-tally").toAbsolutePath();
    java.nio.file.Files.writeString(
        dir.resolve("generated.yml"),
        "seed: 3\nper_kind: 2\nbases:\n  - path: "
            + tally
            + "\n    tool: javac\n    command: sh build.sh\n");
    var cases = GoldenSet.load(dir);
    assertThat(cases).isNotEmpty();
    assertThat(cases)
        .allSatisfy(
            c -> {
              assertThat(c.id()).startsWith("gen/javac-tally/");
              assertThat(c.command()).isEqualTo("sh build.sh");
              assertThat(c.tag("tool")).isEqualTo("javac");
            });
    java.nio.file.Files.writeString(
        dir.resolve("generated.yml"),
        "bases:\n  - path: " + tally + "\n  - path: " + tally + "/../javac-tally\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir))
        .hasMessageContaining("two cases have the id gen/javac-tally/")
        .hasMessageContaining("give bases distinct names");
  }

  private static String caseYml(String rest) {
    return "category: type_error\ntool: maven\ndifficulty: easy\nbase: .\n" + rest;
  }

  @Test
  void aLogicBugIsExpectedHealedWhenTheModelAnsweredAndDeclinedByTheRecipes() throws Exception {
    GoldenCase bug =
        GoldenSet.load(Path.of("golden")).stream()
            .filter(c -> c.id().equals("hand/pytest-logic-bug"))
            .findFirst()
            .orElseThrow();
    assertThat(bug.expectedFor(false)).isEqualTo(Expected.NOT_HEALED);
    assertThat(bug.expectedFor(true)).isEqualTo(Expected.HEALED);
  }
}
