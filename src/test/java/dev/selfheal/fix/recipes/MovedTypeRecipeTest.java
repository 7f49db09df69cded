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

class MovedTypeRecipeTest {
  private static final String USER = "src/main/java/com/acme/app/App.java";
  private static final String MONEY =
      "package com.acme.util;\n\npublic record Money(long cents) {\n  public long cents() { return cents; }\n}\n";

  @TempDir Path repo;
  private final MovedTypeRecipe recipe = new MovedTypeRecipe();

  private Optional<Fix> fix(
      String app, int line, String message, String symbol, BreakingChange change) throws Exception {
    Projects.write(repo, USER, app);
    Failure f =
        Failure.of(
            FailureKind.COMPILE_ERROR,
            USER,
            line,
            1,
            message,
            null,
            null,
            FailureDetails.tool("javac").withSymbol(symbol, "class com.acme.app.App"));
    return recipe.fix(f, new FixContext(repo, new JdkTypes(null), change));
  }

  @Test
  void aMovedTypesImportFollowsIt() throws Exception {
    BreakingChange moved =
        new BreakingChange(
            List.of(
                new BreakingChange.FileChange(
                    "src/main/java/com/acme/util/Money.java", MONEY, null),
                new BreakingChange.FileChange(
                    "src/main/java/com/acme/money/Money.java",
                    null,
                    MONEY.replace("com.acme.util", "com.acme.money"))),
            List.of("refactor: money gets its own package"));
    String app =
        "package com.acme.app;\n\nimport com.acme.util.Money;\n\nclass App {\n  Money m;\n}\n";
    Fix f = fix(app, 3, "package com.acme.util does not exist", null, moved).orElseThrow();
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(USER)))
        .isEqualTo(app.replace("import com.acme.util.Money;", "import com.acme.money.Money;"));
  }

  @Test
  void aRenamedTypeIsRenamedWhereItIsUsed() throws Exception {
    BreakingChange renamed =
        new BreakingChange(
            List.of(
                new BreakingChange.FileChange(
                    "src/main/java/com/acme/util/Money.java", MONEY, null),
                new BreakingChange.FileChange(
                    "src/main/java/com/acme/util/Amount.java",
                    null,
                    MONEY.replace("record Money", "record Amount"))),
            List.of("refactor: Money is Amount"));
    String app =
        "package com.acme.app;\n\nimport com.acme.util.*;\n\nclass App {\n  Money m = new Money(3);\n}\n";
    Fix f = fix(app, 6, "cannot find symbol: class Money", "class Money", renamed).orElseThrow();
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(USER))).contains("  Amount m = new Amount(3);");
  }

  @Test
  void withoutAMoveInTheChangeNothingIsGuessed() throws Exception {
    String app = "package com.acme.app;\n\nimport com.acme.util.Money;\n\nclass App {}\n";
    assertThat(fix(app, 3, "package com.acme.util does not exist", null, BreakingChange.NONE))
        .isEmpty();
  }
}
