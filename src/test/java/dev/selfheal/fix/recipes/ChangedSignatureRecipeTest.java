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

class ChangedSignatureRecipeTest {
  private static final String LIB = "src/main/java/com/acme/Fmt.java";
  private static final String APP = "src/main/java/com/acme/App.java";
  private static final String BEFORE =
      "package com.acme;\n\nclass Fmt {\n  static String pad(String s, int width, char fill) {\n    return s;\n  }\n}\n";

  @TempDir Path repo;
  private final ChangedSignatureRecipe recipe = new ChangedSignatureRecipe();

  private Optional<Fix> fix(String after, String call) throws Exception {
    String app =
        "package com.acme;\n\nclass App {\n  String run() {\n    return " + call + ";\n  }\n}\n";
    Projects.write(repo, LIB, after);
    Projects.write(repo, APP, app);
    Failure f =
        Failure.of(
            FailureKind.COMPILE_ERROR,
            APP,
            5,
            15,
            "method pad in class com.acme.Fmt cannot be applied to given types;",
            null,
            null,
            FailureDetails.tool("javac"));
    return recipe.fix(
        f,
        new FixContext(
            repo,
            new JdkTypes(null),
            new BreakingChange(
                List.of(new BreakingChange.FileChange(LIB, BEFORE, after)), List.of("refactor"))));
  }

  private String applied(Fix f) throws Exception {
    EditWriter.apply(repo, f.edits());
    return Files.readString(repo.resolve(APP));
  }

  @Test
  void aRemovedParameterDropsItsArgument() throws Exception {
    String after = BEFORE.replace("int width, char fill", "int width");
    assertThat(applied(fix(after, "Fmt.pad(name, 10, ' ') + \"|\"").orElseThrow()))
        .contains("return Fmt.pad(name, 10) + \"|\";");
  }

  @Test
  void reorderedParametersReorderTheArguments() throws Exception {
    String after =
        BEFORE.replace("String s, int width, char fill", "int width, char fill, String s");
    assertThat(applied(fix(after, "Fmt.pad(user.name(), 10, '*')").orElseThrow()))
        .contains("return Fmt.pad(10, '*', user.name());");
  }

  @Test
  void anAddedParameterIsLeftAlone() throws Exception {
    String after = BEFORE.replace("char fill", "char fill, boolean left");
    assertThat(fix(after, "Fmt.pad(name, 10, ' ')")).isEmpty();
  }
}
