package dev.selfheal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.guard.Violation.Rule;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Patch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardrailsTest {
  @TempDir Path repo;
  private final SelfhealConfig.Safety safety = SelfhealConfig.defaults().safety();

  private static Fix fix(String strategy, double confidence, String file) {
    return new Fix(
        List.of("fp"),
        new Diagnosis(
            "x", Category.TYPE_ERROR, List.of(file), confidence, "r", DiagnosisSource.RULES),
        strategy,
        List.of(new Edit(file, "a", "b")));
  }

  /** A one-hunk diff of the given lines, with the hunk's counts as a real diff has them. */
  private static Patch patch(String file, String... lines) {
    int from = 0;
    int to = 0;
    int changed = 0;
    StringBuilder body = new StringBuilder();
    for (String l : lines) {
      body.append(l).append('\n');
      if (l.startsWith("+")) {
        to++;
        changed++;
      } else if (l.startsWith("-")) {
        from++;
        changed++;
      } else {
        from++;
        to++;
      }
    }
    String d =
        "--- a/" + file + "\n+++ b/" + file + "\n@@ -1," + from + " +1," + to + " @@\n" + body;
    return new Patch(1, changed, d, List.of(file));
  }

  private List<Rule> rules(Fix f, Patch p) {
    return rules(f, p, Set.of());
  }

  private List<Rule> rules(Fix f, Patch p, Set<String> intended) {
    return Guardrails.check(new GuardInput(List.of(f), p, repo, safety, intended)).stream()
        .map(Violation::rule)
        .toList();
  }

  @Test
  void aSmallProductionFixPasses() {
    String f = "src/main/java/A.java";
    assertThat(rules(fix("java/missing-import", 0.9, f), patch(f, "+import java.util.List;")))
        .isEmpty();
  }

  @Test
  void sizeLimits() {
    String f = "src/main/java/A.java";
    Patch big = new Patch(4, 60, "", List.of(f, "b", "c", "d"));
    assertThat(rules(fix("r", 0.9, f), big))
        .contains(Rule.MAX_FILES_CHANGED, Rule.MAX_LINES_CHANGED);
  }

  @Test
  void oneHugeLineCountsByItsCharacters() {
    String f = "src/main/java/A.java";
    String huge = "+    String s = \"" + "x".repeat(10 * 1024 * 1024) + "\";";
    assertThat(rules(fix("llm:m", 0.9, f), patch(f, "-    String s = \"\";", huge)))
        .contains(Rule.MAX_LINES_CHANGED);
    assertThat(rules(fix("r", 0.9, f), patch(f, "-" + "y".repeat(150), "+" + "z".repeat(150))))
        .isEmpty();
  }

  @Test
  void forbiddenAndAlwaysForbiddenPaths() {
    for (String f :
        List.of(
            "db/migrations/V2.sql",
            ".env",
            "src/auth/Login.java",
            ".github/workflows/ci.yml",
            ".selfheal.yml")) {
      assertThat(rules(fix("r", 0.9, f), patch(f, "+x"))).as(f).contains(Rule.FORBIDDEN_PATHS);
    }
  }

  @Test
  void pathsLeavingTheRepository() throws Exception {
    assertThat(rules(fix("r", 0.9, "../x.java"), patch("../x.java", "+x")))
        .contains(Rule.PATH_ESCAPE);
    assertThat(rules(fix("r", 0.9, "/etc/passwd"), patch("/etc/passwd", "+x")))
        .contains(Rule.PATH_ESCAPE);
    Path outside = Files.createTempDirectory("outside");
    Files.createSymbolicLink(repo.resolve("linked"), outside);
    assertThat(rules(fix("r", 0.9, "linked/A.java"), patch("linked/A.java", "+x")))
        .contains(Rule.PATH_ESCAPE);
  }

  @Test
  void onlyCanonicalPathsPassAndGuardsMatchThemAsWritten() throws Exception {
    for (String f :
        List.of(
            ".//.github/workflows/ci.yml",
            "./.github/workflows/ci.yml",
            ".//.git/config",
            "src//auth/x.java",
            "src/./main/A.java",
            "src\\main\\A.java",
            "src/main/A.java\u0000.txt",
            "src/main/",
            "C:/x.java")) {
      assertThat(rules(fix("r", 0.9, f), patch("src/main/A.java", "+x")))
          .as(f)
          .contains(Rule.PATH_ESCAPE);
    }
    Files.writeString(repo.resolve(".git"), "gitdir: /elsewhere\n");
    assertThat(rules(fix("r", 0.9, ".git"), patch(".git", "+x"))).contains(Rule.FORBIDDEN_PATHS);
    assertThat(rules(fix("r", 0.9, "lib/sub/.git/config"), patch("lib/sub/.git/config", "+x")))
        .contains(Rule.FORBIDDEN_PATHS);
  }

  @Test
  void aCandidateWhosePathsCannotBeFilesIsRefusedWithAReason() {
    List<Violation> v = Guardrails.pathsOf(List.of(fix("llm:m", 0.9, "a\u0000b")), safety, repo);
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo(Rule.PATH_ESCAPE);
              assertThat(x.detail()).contains("NUL");
            });
  }

  @Test
  void aModelMayNotEditTestsTheirHelpersOrTheScriptsThatRunThem() throws Exception {
    Files.writeString(repo.resolve("run_tests.sh"), "#!/bin/sh\n");
    java.util.Set<String> harness = TestHarness.of(repo, "sh run_tests.sh");
    assertThat(harness).contains("run_tests.sh");
    Patch runner =
        patch(
            "run_tests.sh",
            "-if [ \"$1\" = \"ok\" ]; then",
            "+if [ \"$1\" = \"ok\" ] || [ \"$1\" != \"\" ]; then");
    assertThat(
            Guardrails.check(
                    new GuardInput(
                        List.of(fix("llm:m", 0.9, "run_tests.sh")),
                        runner,
                        repo,
                        safety,
                        Set.of(),
                        harness))
                .stream()
                .map(Violation::rule))
        .contains(Rule.TEST_WEAKENING);
    String helper = "src/test/java/com/acme/Checks.java";
    Patch lenient =
        patch(
            helper,
            "-    if (!a.equals(b)) throw new AssertionError(a);",
            "+    if (false) throw new AssertionError(a);");
    assertThat(rules(fix("llm:m", 0.9, helper), lenient)).contains(Rule.TEST_WEAKENING);
    assertThat(
            rules(
                fix("java/renamed-member", 0.9, "src/main/java/A.java"),
                patch("src/main/java/A.java", "+x")))
        .isEmpty();
  }

  @Test
  void aRemovedSqlCommentIsARemovedLineNotAFileHeader() {
    String diff =
        "--- a/src/test/resources/seed.sql\n+++ b/src/test/resources/seed.sql\n@@ -1,3 +1,2 @@\n"
            + " select 1;\n--- assert the seed has 3 rows\n-assert (select count(*) from t) = 3;\n"
            + "+select 2;\n";
    DiffLines d = DiffLines.of(diff);
    assertThat(d.removed().get("src/test/resources/seed.sql"))
        .containsExactly("-- assert the seed has 3 rows", "assert (select count(*) from t) = 3;");
    assertThat(d.added().keySet()).containsExactly("src/test/resources/seed.sql");
    assertThat(
            rules(
                fix("r", 0.9, "src/test/resources/seed.sql"),
                new Patch(1, 3, diff, List.of("src/test/resources/seed.sql"))))
        .contains(Rule.TEST_WEAKENING);
  }

  @Test
  void confidenceBelowTheThreshold() {
    String f = "src/main/java/A.java";
    assertThat(rules(fix("r", 0.4, f), patch(f, "+x"))).containsExactly(Rule.CONFIDENCE);
  }

  @Test
  void testWeakening() {
    String t = "src/test/java/com/acme/FooTest.java";
    assertThat(rules(fix("r", 0.9, t), patch(t, "-    assertEquals(3, sum(1, 2));")))
        .contains(Rule.TEST_WEAKENING);
    assertThat(rules(fix("r", 0.9, t), patch(t, "+  @Disabled(\"flaky\")")))
        .contains(Rule.TEST_WEAKENING);
    assertThat(rules(fix("r", 0.9, t), patch(t, "+    assumeTrue(false);")))
        .contains(Rule.TEST_WEAKENING);
    assertThat(
            rules(
                fix("r", 0.9, t),
                patch(t, "-    assertEquals(1.0, x, 0.001);", "+    assertEquals(1.0, x, 0.5);")))
        .contains(Rule.TEST_WEAKENING);
    assertThat(
            rules(
                fix("r", 0.9, "tests/test_calc.py"),
                patch("tests/test_calc.py", "+@pytest.mark.skip")))
        .contains(Rule.TEST_WEAKENING);
    Patch deleted =
        new Patch(
            1, 1, "--- a/" + t + "\n+++ /dev/null\n@@ -1 +0,0 @@\n-class FooTest {}\n", List.of(t));
    assertThat(rules(fix("r", 0.9, t), deleted)).contains(Rule.TEST_WEAKENING);
  }

  @Test
  void changingAnExpectedValueNeedsTheEstablishedIntent() {
    String t = "src/test/java/com/acme/GreeterTest.java";
    Patch p =
        patch(
            t,
            "-    assertEquals(\"Hello, Ada!\", g.greet(\"Ada\"));",
            "+    assertEquals(\"Hi, Ada!\", g.greet(\"Ada\"));");
    assertThat(rules(fix("java/intended-output", 0.9, t), p)).contains(Rule.TEST_WEAKENING);
    assertThat(rules(fix("java/intended-output", 0.9, t), p, Set.of("fp"))).isEmpty();
    assertThat(rules(fix("llm:claude", 0.9, t), p, Set.of("fp")))
        .as("never on a model's word")
        .contains(Rule.TEST_WEAKENING);
  }

  @Test
  void followingARenameOrASignatureInAnAssertionChangesNothingItChecks() {
    String t = "src/test/java/com/acme/StockTest.java";
    Fix f = fix("java/renamed-member", 0.9, t);
    assertThat(
            rules(
                f,
                patch(
                    t,
                    "-    assertEquals(24, stock.quantityOf(tea));",
                    "+    assertEquals(24, stock.currentQuantityOf(tea));")))
        .isEmpty();
    assertThat(
            rules(
                f,
                patch(
                    t,
                    "-    assertTrue(policy.needsReorder(tea, stock));",
                    "+    assertTrue(policy.needsReorder(stock, tea));")))
        .isEmpty();
    assertThat(
            rules(
                f,
                patch(
                    t,
                    "-    assertEquals(3, desk.lend(copy, ann, day));",
                    "+    assertEquals(3, desk.lend(copy, ann));")))
        .isEmpty();
    assertThat(
            rules(
                f,
                patch(
                    t,
                    "-    assertEquals(expected, stock.quantityOf(tea));",
                    "+    assertEquals(expected, expected);")))
        .as("the actual replaced by the expected")
        .contains(Rule.TEST_WEAKENING);
    assertThat(
            rules(
                f,
                patch(
                    t,
                    "-    assertEquals(expected, actual);",
                    "+    assertEquals(expected, expected);")))
        .as("a name the line already has is a copy, not a rename")
        .contains(Rule.TEST_WEAKENING);
    assertThat(
            rules(
                f,
                patch(
                    t,
                    "-    assertEquals(24, stock.size());",
                    "+    assertEquals(25, stock.size());")))
        .contains(Rule.TEST_WEAKENING);
  }

  @Test
  void aRecipeFollowingAReorderedSignatureMayMoveLiteralsBetweenACallsArguments() {
    String t = "src/test/java/org/acme/AccountTest.java";
    String before =
        "-    assertThrows(IllegalStateException.class, () -> a.withdraw(Money.of(\"1\", \"EUR\"), \"x\"));";
    String after =
        "+    assertThrows(IllegalStateException.class, () -> a.withdraw(\"x\", Money.of(\"1\", \"EUR\")));";
    assertThat(rules(fix("java/reordered-parameters", 0.9, t), patch(t, before, after))).isEmpty();
    assertThat(rules(fix("llm:anthropic", 0.9, t), patch(t, before, after)))
        .as("a model's reordering of literals is not taken on trust")
        .contains(Rule.TEST_WEAKENING);
    // {removed line, added line, true when it weakens the test}: what a recipe may and may not do.
    String[][] edits = {
      {"assertEquals(3, calc.sub(5, 2));", "assertEquals(5, calc.sub(3, 2));", "across calls"},
      {"assertEquals(3, calc.size(), \"n\");", "assertEquals(\"n\", calc.size(), 3);", "own"},
      {
        "assertThat(a.ids(\"x\", 2)).containsExactly(1, 2);",
        "assertThat(a.ids(2, \"x\")).containsExactly(2, 1);",
        "its chain's: the order a list must hold"
      },
      {
        "assertAll(() -> assertEquals(1, a.ids(\"x\", 2).size()));",
        "assertAll(() -> assertEquals(1, a.ids(2, \"x\").size()));",
        null
      },
    };
    Fix recipe = fix("java/reordered-parameters", 0.9, t);
    for (String[] e : edits) {
      List<Rule> found = rules(recipe, patch(t, "-    " + e[0], "+    " + e[1]));
      if (e[2] == null) {
        assertThat(found).as("a nested call's arguments follow its signature: " + e[1]).isEmpty();
      } else {
        assertThat(found).as("a literal moved, " + e[2]).contains(Rule.TEST_WEAKENING);
      }
    }
  }

  @Test
  void switchingChecksOff() {
    assertThat(
            rules(
                fix("r", 0.9, "pom.xml"),
                patch("pom.xml", "+        <testFailureIgnore>true</testFailureIgnore>")))
        .contains(Rule.CHECKS_DISABLED);
    assertThat(rules(fix("r", 0.9, "ci.sh"), patch("ci.sh", "+mvn -B verify -DskipTests")))
        .contains(Rule.CHECKS_DISABLED);
    assertThat(rules(fix("r", 0.9, "src/a.ts"), patch("src/a.ts", "+// @ts-ignore")))
        .contains(Rule.CHECKS_DISABLED);
    assertThat(
            rules(
                fix("r", 0.9, "pom.xml"),
                patch("pom.xml", "-<minimum>0.80</minimum>", "+<minimum>0.60</minimum>")))
        .contains(Rule.CHECKS_DISABLED);
  }

  @Test
  void modelEditsToBuildFiles() {
    assertThat(rules(fix("llm:gpt", 0.9, "pom.xml"), patch("pom.xml", "+<version>2</version>")))
        .contains(Rule.BUILD_FILES);
    assertThat(
            rules(
                fix("java/dependency", 0.9, "pom.xml"), patch("pom.xml", "+<version>2</version>")))
        .doesNotContain(Rule.BUILD_FILES);
    assertThat(
            rules(
                fix("llm:gpt", 0.9, ".mvn/wrapper/maven-wrapper.properties"),
                patch(".mvn/wrapper/maven-wrapper.properties", "+x")))
        .contains(Rule.BUILD_FILES);
  }
}
