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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before/after pairs on the violations Checkstyle reported for a real file
 * (fixtures/lint/checkstyle.log).
 */
class MechanicalLintRecipeTest {
  private static final String FILE = "src/main/java/com/acme/Untidy.java";
  @TempDir Path repo;
  private final MechanicalLintRecipe recipe = new MechanicalLintRecipe();

  private static Failure v(Integer line, String rule, String message) {
    return Failure.of(
        FailureKind.LINT_VIOLATION,
        FILE,
        line,
        null,
        rule + ": " + message,
        null,
        null,
        FailureDetails.tool("checkstyle").withRule(rule));
  }

  @Test
  void everyMechanicalViolationOfTheFileInOneEdit() throws Exception {
    String before =
        "package com.acme;\n\nimport java.util.List;\nimport java.util.Map;\nimport java.util.Map;\n\n"
            + "public class Untidy {   \n\tpublic Map<String, Integer> m() {\n    return null;\n  }\n}";
    Projects.write(repo, FILE, before);
    List<Failure> all =
        List.of(
            v(1, "NewlineAtEndOfFile", "File does not end with a newline."),
            v(3, "UnusedImports", "Unused import - java.util.List."),
            v(5, "RedundantImport", "Duplicate import to line 4 - java.util.Map."),
            v(7, "RegexpSingleline", "Line has trailing spaces."),
            v(8, "FileTabCharacter", "File contains tab characters (this is the first instance)."));
    FixContext ctx = new FixContext(repo, new JdkTypes(null)).withOpenFailures(all);
    Fix f = recipe.fix(all.get(2), ctx).orElseThrow();
    assertThat(f.fingerprints()).hasSize(5);
    assertThat(recipe.fix(all.get(0), ctx).orElseThrow())
        .as("the same fix from any of them")
        .isEqualTo(f);
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(FILE)))
        .isEqualTo(
            "package com.acme;\n\nimport java.util.Map;\n\npublic class Untidy {\n  public Map<String, Integer> m() {\n    return null;\n  }\n}\n");
  }

  @Test
  void anImportThatIsUsedAfterAllIsLeftAlone() throws Exception {
    Projects.write(
        repo,
        FILE,
        "package com.acme;\n\nimport java.util.List;\n\n/** Returns a {@link List}. */\nclass Untidy {}\n");
    Failure unused = v(3, "UnusedImports", "Unused import - java.util.List.");
    assertThat(
            recipe.fix(
                unused, new FixContext(repo, new JdkTypes(null)).withOpenFailures(List.of(unused))))
        .isEmpty();
  }

  @Test
  void crlfFilesStayCrlf() throws Exception {
    Projects.write(repo, FILE, "package com.acme;  \r\nclass Untidy {}\r\n");
    Failure trailing = v(1, "RegexpSingleline", "Line has trailing spaces.");
    Fix f =
        recipe
            .fix(
                trailing,
                new FixContext(repo, new JdkTypes(null)).withOpenFailures(List.of(trailing)))
            .orElseThrow();
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(FILE)))
        .isEqualTo("package com.acme;\r\nclass Untidy {}\r\n");
  }
}
