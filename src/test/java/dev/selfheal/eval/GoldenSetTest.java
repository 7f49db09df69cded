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
    java.nio.file.Files.writeString(
        dir.resolve("cases/x/case.yml"),
        "category: type_error\ntool: maven\ndifficulty: easy\nexpected: fixed\nbase: .\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir))
        .hasMessageContaining("case.yml")
        .hasMessageContaining(
            "expected must be healed, rejected, flaky, not_reproduced or not_healed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenSet.load(dir.resolve("nope")))
        .hasMessageContaining("no golden set at");
  }
}
