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

class RenamedMemberRecipeTest {
  private static final String GREETER = "src/main/java/com/acme/Greeter.java";
  private static final String APP = "src/main/java/com/acme/App.java";
  private static final String BEFORE =
      """
      package com.acme;

      public class Greeter {
        public String greet(String name) {
          return "Hi, " + name;
        }
      }
      """;

  @TempDir Path repo;
  private final RenamedMemberRecipe recipe = new RenamedMemberRecipe();

  private static Failure missing(int line, int col, String symbol, String location) {
    return Failure.of(
        FailureKind.COMPILE_ERROR,
        APP,
        line,
        col,
        "cannot find symbol: " + symbol,
        null,
        null,
        FailureDetails.tool("javac").withSymbol(symbol, location));
  }

  private Optional<Fix> fix(String after, String app, Failure f) throws Exception {
    Projects.write(repo, GREETER, after);
    Projects.write(repo, APP, app);
    BreakingChange change =
        new BreakingChange(
            List.of(new BreakingChange.FileChange(GREETER, BEFORE, after)),
            List.of("refactor: greet is welcome now"));
    return recipe.fix(f, new FixContext(repo, new JdkTypes(null), change));
  }

  @Test
  void followsTheRenameAtTheCallSiteOnly() throws Exception {
    String app =
        """
        package com.acme;

        class App {
          String run(Greeter g) {
            return g.greet("Ada") + "!";
          }
        }
        """;
    Fix f =
        fix(
                BEFORE.replace("greet(", "welcome("),
                app,
                missing(
                    5, 13, "method greet(java.lang.String)", "variable g of type com.acme.Greeter"))
            .orElseThrow();
    assertThat(f.diagnosis().confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.edits()).allSatisfy(e -> assertThat(e.file()).isEqualTo(APP));
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(APP)))
        .isEqualTo(app.replace("g.greet(", "g.welcome("));
    assertThat(Files.readString(repo.resolve(GREETER)))
        .contains("welcome(")
        .doesNotContain("greet(");
  }

  @Test
  void noRenameInTheChangeMeansNoFix() throws Exception {
    String app =
        "package com.acme;\n\nclass App {\n  String run(Greeter g) {\n    return g.greet(\"Ada\");\n  }\n}\n";
    // greet removed, nothing with its parameters added: not a rename
    String after =
        "package com.acme;\n\npublic class Greeter {\n  public String welcome(String a, String b) { return a + b; }\n}\n";
    assertThat(
            fix(
                after,
                app,
                missing(
                    5,
                    13,
                    "method greet(java.lang.String)",
                    "variable g of type com.acme.Greeter")))
        .isEmpty();
  }

  @Test
  void theArityMustMatch() throws Exception {
    String app =
        "package com.acme;\n\nclass App {\n  String run(Greeter g) {\n    return g.greet(\"Ada\", 2);\n  }\n}\n";
    assertThat(
            fix(
                BEFORE.replace("greet(", "welcome("),
                app,
                missing(
                    5,
                    13,
                    "method greet(java.lang.String,int)",
                    "variable g of type com.acme.Greeter")))
        .isEmpty();
  }

  @Test
  void aVarargsMethodIsCalledWithAnyNumberOfArguments() throws Exception {
    String before =
        BEFORE
            .replace("greet(String name)", "greet(String... names)")
            .replace("+ name", "+ names[0]");
    String after = before.replace("greet(", "welcome(");
    String app =
        "package com.acme;\n\nclass App {\n  String run(Greeter g) {\n    return g.greet(\"a\", \"b\");\n  }\n}\n";
    Projects.write(repo, GREETER, after);
    Projects.write(repo, APP, app);
    BreakingChange change =
        new BreakingChange(
            List.of(new BreakingChange.FileChange(GREETER, before, after)),
            List.of("refactor: greet is welcome now"));
    Failure f =
        missing(
            5,
            13,
            "method greet(java.lang.String,java.lang.String)",
            "variable g of type com.acme.Greeter");
    Fix fix = recipe.fix(f, new FixContext(repo, new JdkTypes(null), change)).orElseThrow();
    EditWriter.apply(repo, fix.edits());
    assertThat(Files.readString(repo.resolve(APP))).contains("g.welcome(\"a\", \"b\")");
  }

  private Optional<Fix> noChange(String app, Failure f) throws Exception {
    Projects.write(repo, GREETER, BEFORE);
    Projects.write(repo, APP, app);
    return recipe.fix(f, new FixContext(repo, new JdkTypes(null), BreakingChange.NONE));
  }

  @Test
  void withoutARenameATypoOneEditAwayIsFixedAtModestConfidence() throws Exception {
    String app =
        "package com.acme;\n\nimport java.util.List;\n\nclass App {\n  int n(List<String> items) {\n    return items.sizee();\n  }\n}\n";
    Fix f =
        noChange(
                app,
                missing(
                    7,
                    17,
                    "method sizee()",
                    "variable items of type java.util.List<java.lang.String>"))
            .orElseThrow();
    assertThat(f.diagnosis().confidence()).isEqualTo(0.75);
    assertThat(f.diagnosis().reasoning()).contains("only size is 1 edit(s) away");
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(APP))).contains("return items.size();");
  }

  @Test
  void theNearestMemberOfAProjectType() throws Exception {
    String app =
        "package com.acme;\n\nclass App {\n  String run(Greeter g) {\n    return g.gret(\"Ada\");\n  }\n}\n";
    Fix f =
        noChange(
                app,
                missing(
                    5, 13, "method gret(java.lang.String)", "variable g of type com.acme.Greeter"))
            .orElseThrow();
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(APP))).contains("g.greet(\"Ada\")");
  }

  @Test
  void tooFarOrTooShortIsNoFix() throws Exception {
    String far =
        "package com.acme;\n\nclass App {\n  String run(Greeter g) {\n    return g.salute(\"Ada\");\n  }\n}\n";
    assertThat(
            noChange(
                far,
                missing(
                    5,
                    13,
                    "method salute(java.lang.String)",
                    "variable g of type com.acme.Greeter")))
        .isEmpty();
    // "pet" is one edit from get (put takes two arguments), but one edit in a three-letter name is
    // too little evidence: names must be at least twice as long as the distance
    String tied =
        "package com.acme;\n\nimport java.util.Map;\n\nclass App {\n  Object v(Map<String, String> m) {\n    return m.pet(\"k\");\n  }\n}\n";
    assertThat(
            noChange(
                tied,
                missing(
                    7,
                    13,
                    "method pet(java.lang.String)",
                    "variable m of type java.util.Map<java.lang.String,java.lang.String>")))
        .isEmpty();
  }

  @Test
  void aRepeatedLineIsAnchoredWithTheLinesBefore() throws Exception {
    String app =
        """
        package com.acme;

        class App {
          String a(Greeter g) {
            return g.greet("Ada");
          }

          String b(Greeter g) {
            return g.greet("Ada");
          }
        }
        """;
    Fix f =
        fix(
                BEFORE.replace("greet(", "welcome("),
                app,
                missing(
                    9, 13, "method greet(java.lang.String)", "variable g of type com.acme.Greeter"))
            .orElseThrow();
    EditWriter.apply(repo, f.edits());
    String out = Files.readString(repo.resolve(APP));
    assertThat(out.indexOf("g.greet(")).isLessThan(out.indexOf("g.welcome(")).isPositive();
  }
}
