package dev.selfheal.fix.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.fix.EditWriter;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.JdkTypes;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureDetails;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import dev.selfheal.testing.Projects;
import dev.selfheal.vcs.BreakingChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntendedOutputRecipeTest {
  private static final String SRC = "src/main/java/com/acme/Greeter.java";
  private static final String TEST = "src/test/java/com/acme/GreeterTest.java";
  private static final String OLD =
      "package com.acme;\n\npublic class Greeter {\n  public String greet(String n) {\n    return \"Hello, \" + n + \"!\";\n  }\n}\n";
  private static final String NEW = OLD.replace("\"Hello, \"", "\"Hi, \"");
  private static final String TEST_SRC =
      """
      package com.acme;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import org.junit.jupiter.api.Test;

      class GreeterTest {
        @Test
        void greets() {
          assertEquals("Hello, Ada!", new Greeter().greet("Ada"));
        }
      }
      """;

  @TempDir Path repo;
  private final IntendedOutputRecipe recipe = new IntendedOutputRecipe();

  private Optional<Fix> fix(List<BreakingChange.FileChange> files, String message)
      throws Exception {
    Projects.write(repo, SRC, NEW);
    Projects.write(repo, TEST, TEST_SRC);
    Failure f =
        Failure.of(
            FailureKind.TEST_FAILURE,
            TEST,
            10,
            null,
            "expected: <Hello, Ada!> but was: <Hi, Ada!>",
            "com.acme.GreeterTest#greets",
            null,
            FailureDetails.tool("surefire").withValues("Hello, Ada!", "Hi, Ada!"));
    return recipe.fix(
        f, new FixContext(repo, new JdkTypes(null), new BreakingChange(files, List.of(message))));
  }

  /** The test as written, its failing line, and what the recipe makes of it. */
  private Optional<Fix> fixSpelt(String testSource, int line, FixContext[] ctxOut)
      throws Exception {
    Projects.write(repo, SRC, NEW);
    Projects.write(repo, TEST, testSource);
    Failure f =
        Failure.of(
            FailureKind.TEST_FAILURE,
            TEST,
            line,
            null,
            "expected: <Hello, Ada!> but was: <Hi, Ada!>",
            "com.acme.GreeterTest#greets",
            null,
            FailureDetails.tool("surefire").withValues("Hello, Ada!", "Hi, Ada!"));
    FixContext ctx =
        new FixContext(
            repo,
            new JdkTypes(null),
            new BreakingChange(
                List.of(new BreakingChange.FileChange(SRC, OLD, NEW)),
                List.of("feat: greet informally")));
    ctxOut[0] = ctx;
    return recipe.fix(f, ctx);
  }

  private static String testWith(String members, String assertion) {
    return "package com.acme;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
        + "import org.junit.jupiter.api.Test;\n\nclass GreeterTest {\n"
        + members
        + "  @Test\n  void greets() {\n    "
        + assertion
        + "\n  }\n}\n";
  }

  static java.util.stream.Stream<Object[]> spellings() {
    return java.util.stream.Stream.of(
        new Object[] {
          "a constant of the test",
          "  private static final String GREETING = \"Hello, Ada!\";\n",
          "assertEquals(GREETING, new Greeter().greet(\"Ada\"));",
          11
        },
        new Object[] {
          "adjacent pieces",
          "  private static final String NAME = \"Ada\";\n",
          "assertEquals(\"Hello, \" + NAME + \"!\", new Greeter().greet(NAME));",
          11
        },
        new Object[] {
          "a constant built of pieces",
          "  static final String HI = \"Hello\";\n  static final String G = HI + \", Ada!\";\n",
          "assertEquals(G, new Greeter().greet(\"Ada\"));",
          12
        });
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("spellings")
  void anExpectedValueSpeltElsewhereIsFollowed(
      String what, String members, String assertion, int line) throws Exception {
    String src = testWith(members, assertion);
    Fix f = fixSpelt(src, line, new FixContext[1]).orElseThrow();
    EditWriter.apply(repo, f.edits());
    String after = Files.readString(repo.resolve(TEST));
    assertThat(after).isEqualTo(src.replaceFirst("\"Hello", "\"Hi"));
    assertThat(f.diagnosis().reasoning()).contains("spelt in");
  }

  @Test
  void aTextBlockIsFollowedToo() throws Exception {
    String src =
        testWith(
            "  private static final String GREETING =\n      \"\"\"\n      Hello, Ada!\"\"\";\n",
            "assertEquals(GREETING, new Greeter().greet(\"Ada\"));");
    Fix f = fixSpelt(src, 13, new FixContext[1]).orElseThrow();
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(TEST)))
        .isEqualTo(src.replace("      Hello, Ada!", "      Hi, Ada!"));
  }

  @Test
  void anAmbiguousSpellingIsDeclinedWithTheReason() throws Exception {
    String src =
        testWith(
            "  static final String A = \"Hello\";\n  static final String B = \"Hello\";\n",
            "assertEquals(A + \", Ada!\" + B.substring(5), new Greeter().greet(\"Ada\"));");
    FixContext[] ctx = new FixContext[1];
    assertThat(fixSpelt(src, 12, ctx)).isEmpty();
    assertThat(ctx[0].takeDeclines())
        .singleElement()
        .asString()
        .contains("2 string pieces hold the changed part \"ello\"");
  }

  @Test
  void aDeclaredFeatureUpdatesOnlyTheExpectedLiteral() throws Exception {
    Fix f =
        fix(List.of(new BreakingChange.FileChange(SRC, OLD, NEW)), "feat: greet informally")
            .orElseThrow();
    assertThat(f.diagnosis().confidence()).isGreaterThanOrEqualTo(0.7);
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(TEST)))
        .isEqualTo(TEST_SRC.replace("\"Hello, Ada!\"", "\"Hi, Ada!\""));
  }

  @Test
  void aValueReachedThroughAnUnchangedMethodOfTheChangedTypeCounts() throws Exception {
    String fees = "src/main/java/com/acme/Fees.java";
    String before =
        "package com.acme;\n\npublic class Fees {\n  public long daily() {\n    return 25;\n  }\n\n"
            + "  public long total(int days) {\n    return days * daily();\n  }\n}\n";
    String after = before.replace("return 25;", "return 30;");
    String test =
        "package com.acme;\n\nclass FeesTest {\n  void t() {\n    assertEquals(75, new Fees().total(3));\n  }\n}\n";
    Projects.write(repo, fees, after);
    Projects.write(repo, TEST, test);
    Failure f =
        Failure.of(
            FailureKind.TEST_FAILURE,
            TEST,
            5,
            null,
            "expected: <75> but was: <90>",
            "com.acme.FeesTest#t",
            null,
            FailureDetails.tool("surefire").withValues("75", "90"));
    BreakingChange feat =
        new BreakingChange(
            List.of(new BreakingChange.FileChange(fees, before, after)),
            List.of("feat: dearer days"));
    Fix fix = recipe.fix(f, new FixContext(repo, new JdkTypes(null), feat)).orElseThrow();
    EditWriter.apply(repo, fix.edits());
    assertThat(Files.readString(repo.resolve(TEST)))
        .contains("assertEquals(90, new Fees().total(3));");
  }

  @Test
  void saidOnPurposeCountsToo() throws Exception {
    assertThat(
            fix(
                List.of(new BreakingChange.FileChange(SRC, OLD, NEW)),
                "Greeting output changed on purpose"))
        .isPresent();
  }

  @Test
  void withoutDeclaredIntentItIsARegressionTheTestCaught() throws Exception {
    assertThat(fix(List.of(new BreakingChange.FileChange(SRC, OLD, NEW)), "refactor: tidy greeter"))
        .isEmpty();
  }

  @Test
  void notWhenTheTestItselfChangedOrTheProductionCodeDidNot() throws Exception {
    assertThat(
            fix(
                List.of(
                    new BreakingChange.FileChange(SRC, OLD, NEW),
                    new BreakingChange.FileChange(TEST, TEST_SRC, TEST_SRC + "\n")),
                "feat: greet informally"))
        .isEmpty();
    assertThat(fix(List.of(), "feat: greet informally")).isEmpty();
  }

  @Test
  void notWhenTheChangeDoesNotCarryTheNewValue() throws Exception {
    String unrelated =
        OLD.replace(
            "public class Greeter {", "public class Greeter {\n  static final int VERSION = 2;");
    assertThat(fix(List.of(new BreakingChange.FileChange(SRC, OLD, unrelated)), "feat: version 2"))
        .isEmpty();
  }
}
