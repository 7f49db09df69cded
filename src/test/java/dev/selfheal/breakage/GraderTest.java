package dev.selfheal.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.breakage.Grader.Verdict;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.vcs.Git;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraderTest {
  private static final String F = "src/main/java/A.java";
  private static final String GOOD =
      "package a;\n\nimport java.util.List;\nimport java.util.Map;\n\nclass A {\n  List<Map<String, String>> x;\n}\n";
  private static final String BROKEN = GOOD.replace("import java.util.List;\n", "");

  private static Breakage breakage(Expectation e) {
    return new Breakage(
        "t", Operator.Kind.DROP_IMPORT, "d", "refactor: x", Map.of(F, BROKEN), Set.of(), e);
  }

  private final Breakage dropped =
      breakage(new Expectation.Files("java/missing-import", Map.of(F, GOOD)));

  @Test
  void theExpectedFixUpToImportOrderAndWhitespaceIsCorrect() {
    String reordered =
        GOOD.replace(
            "import java.util.List;\nimport java.util.Map;",
            "import java.util.Map;\nimport java.util.List;");
    assertThat(Grader.grade(dropped, true, Map.of(F, BROKEN), Map.of(F, reordered)))
        .isEqualTo(Verdict.CORRECT);
    assertThat(
            Grader.grade(
                dropped, true, Map.of(F, BROKEN), Map.of(F, GOOD.replace("  List", "    List"))))
        .isEqualTo(Verdict.CORRECT);
  }

  @Test
  void anyOtherFixIsWrongAndNoFixIsMissed() {
    String other = GOOD.replace("java.util.List", "java.awt.List");
    assertThat(Grader.grade(dropped, true, Map.of(F, BROKEN), Map.of(F, other)))
        .isEqualTo(Verdict.WRONG);
    assertThat(
            Grader.grade(
                dropped, true, Map.of(F, BROKEN, "B.java", "x"), Map.of(F, GOOD, "B.java", "y")))
        .as("a file the fix had no business touching")
        .isEqualTo(Verdict.WRONG);
    assertThat(Grader.grade(dropped, false, Map.of(), Map.of())).isEqualTo(Verdict.MISSED);
  }

  @Test
  void whereNoFixIsRightAnyFixIsWrong() {
    Breakage none = breakage(new Expectation.None("the author decides"));
    assertThat(Grader.grade(none, false, Map.of(), Map.of())).isEqualTo(Verdict.DECLINED);
    assertThat(Grader.grade(none, true, Map.of(F, BROKEN), Map.of(F, GOOD)))
        .isEqualTo(Verdict.WRONG);
  }

  @Test
  void anIntendedOutputFixChangesOnlyLiteralsInAssertionsOfTests() {
    Breakage feat = breakage(new Expectation.TestLiterals("java/intended-output-change"));
    String t = "src/test/java/ATest.java";
    String before = "class ATest {\n  void t() {\n    assertEquals(\"Hi\", a.greet(2));\n  }\n}\n";
    assertThat(
            Grader.grade(
                feat, true, Map.of(t, before), Map.of(t, before.replace("\"Hi\"", "\"Hi!\""))))
        .isEqualTo(Verdict.CORRECT);
    assertThat(
            Grader.grade(
                feat, true, Map.of(t, before), Map.of(t, before.replace("a.greet", "b.greet"))))
        .isEqualTo(Verdict.WRONG);
    assertThat(Grader.grade(feat, true, Map.of(F, BROKEN), Map.of(F, GOOD)))
        .as("production code")
        .isEqualTo(Verdict.WRONG);
  }

  @Test
  void aBreakageIsARealCommitByAPerson(@TempDir Path repo) throws Exception {
    Projects.write(repo, F, GOOD);
    GitRepos.commitAll(repo, "good");
    Git git = new Git(CommandRunner.system(), repo);
    dropped.commit(git);
    assertThat(git.run("log", "-1", "--format=%s|%ae"))
        .isEqualTo("refactor: x|breakage@example.invalid\n");
    assertThat(git.run("show", "HEAD:" + F)).isEqualTo(BROKEN);
  }
}
