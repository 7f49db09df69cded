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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before/after pairs: the recipe's edit applied to the file, and applied twice changes nothing
 * more.
 */
class MissingImportRecipeTest {
  private static final JdkTypes JDK = new JdkTypes(null);
  private static final String FILE = "src/main/java/com/acme/A.java";

  @TempDir Path repo;
  private final MissingImportRecipe recipe = new MissingImportRecipe();

  private static Failure missing(String symbol) {
    return Failure.of(
        FailureKind.COMPILE_ERROR,
        FILE,
        5,
        3,
        "cannot find symbol: class " + symbol,
        null,
        null,
        FailureDetails.tool("javac").withSymbol("class " + symbol, "class com.acme.A"));
  }

  private Optional<Fix> fix(String before, String symbol) throws Exception {
    Projects.write(repo, FILE, before);
    return recipe.fix(missing(symbol), new FixContext(repo, JDK));
  }

  private void rewritesTo(String before, String symbol, String after, double minConfidence)
      throws Exception {
    Fix f = fix(before, symbol).orElseThrow();
    assertThat(f.diagnosis().confidence()).isGreaterThanOrEqualTo(minConfidence);
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(FILE))).isEqualTo(after);
    assertThat(recipe.fix(missing(symbol), new FixContext(repo, JDK))).as("idempotent").isEmpty();
  }

  @Test
  void ofSeveralJdkTypesTheOneTheProjectImportsElsewhereIsChosen() throws Exception {
    String before = "package com.acme;\n\nclass A {\n  Type t;\n}\n";
    // Without other evidence: java.base's Type before jdk.jdi's com.sun.jdi.Type.
    Fix alone = fix(before, "Type").orElseThrow();
    assertThat(alone.edits().get(0).newText()).contains("import java.lang.reflect.Type;");
    assertThat(alone.diagnosis().confidence()).isGreaterThanOrEqualTo(0.7);
    assertThat(alone.diagnosis().reasoning()).contains("java.base").contains("jdk.jdi");
    // The project imports the tool module's Type throughout: that is the one it means.
    Projects.write(
        repo,
        "src/main/java/com/acme/B.java",
        "package com.acme;\n\nimport com.sun.jdi.Type;\n\nclass B {\n  Type t;\n}\n");
    Projects.write(
        repo,
        "src/main/java/com/acme/C.java",
        "package com.acme;\n\nimport com.sun.jdi.Type;\n\nclass C {\n  Type t;\n}\n");
    Fix chosen = fix(before, "Type").orElseThrow();
    assertThat(chosen.edits().get(0).newText()).contains("import com.sun.jdi.Type;");
    assertThat(chosen.diagnosis().confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(chosen.diagnosis().reasoning()).contains("other files import com.sun.jdi.Type");
  }

  @Test
  void aTypeUsedAsAQualifierIsWhatJavacCallsAVariable() throws Exception {
    String before =
        "package com.acme;\n\nclass A {\n  Object names() {\n    return List.of(\"a\", \"b\");\n  }\n}\n";
    Projects.write(repo, FILE, before);
    Failure asVariable =
        Failure.of(
            FailureKind.COMPILE_ERROR,
            FILE,
            5,
            12,
            "cannot find symbol: variable List",
            null,
            null,
            FailureDetails.tool("javac").withSymbol("variable List", "class com.acme.A"));
    Fix f = recipe.fix(asVariable, new FixContext(repo, JDK)).orElseThrow();
    EditWriter.apply(repo, f.edits());
    assertThat(Files.readString(repo.resolve(FILE)))
        .isEqualTo(
            before.replace("package com.acme;\n", "package com.acme;\n\nimport java.util.List;\n"));
    Failure constant =
        Failure.of(
            FailureKind.COMPILE_ERROR,
            FILE,
            5,
            12,
            "cannot find symbol: variable MAX",
            null,
            null,
            FailureDetails.tool("javac").withSymbol("variable MAX", "class com.acme.A"));
    assertThat(recipe.appliesTo(constant)).as("a constant is not a type").isFalse();
  }

  @Test
  void genericUsageTellsJavaUtilListFromJavaAwtList() throws Exception {
    rewritesTo(
        """
        package com.acme;

        import java.util.ArrayList;

        class A {
          List<String> xs = new ArrayList<>();
        }
        """,
        "List",
        """
        package com.acme;

        import java.util.ArrayList;
        import java.util.List;

        class A {
          List<String> xs = new ArrayList<>();
        }
        """,
        0.9);
  }

  @Test
  void aVariableNameReusedForAnotherTypeDoesNotBlurTheEvidence() throws Exception {
    // `e` is a Map.Entry in the loop and the exception in the catch: only the catch's calls
    // describe the missing type.
    rewritesTo(
        """
        package com.acme;

        import java.util.Map;

        class A {
          String all(Map<String, String> m) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> e : m.entrySet()) {
              b.append(e.getKey()).append(e.getValue());
            }
            try {
              return b.toString();
            } catch (UncheckedIOException e) {
              throw new IllegalStateException(e.getCause());
            }
          }
        }
        """,
        "UncheckedIOException",
        """
        package com.acme;

        import java.io.UncheckedIOException;
        import java.util.Map;

        class A {
          String all(Map<String, String> m) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> e : m.entrySet()) {
              b.append(e.getKey()).append(e.getValue());
            }
            try {
              return b.toString();
            } catch (UncheckedIOException e) {
              throw new IllegalStateException(e.getCause());
            }
          }
        }
        """,
        0.9);
  }

  @Test
  void insertedInOrderAmongImports() throws Exception {
    rewritesTo(
        """
        package com.acme;

        import java.io.IOException;
        import java.util.List;

        class A {
          Map<String, Integer> m() throws IOException { return null; }
        }
        """,
        "Map",
        """
        package com.acme;

        import java.io.IOException;
        import java.util.List;
        import java.util.Map;

        class A {
          Map<String, Integer> m() throws IOException { return null; }
        }
        """,
        0.9);
  }

  @Test
  void afterThePackageLineWhenThereAreNoImports() throws Exception {
    rewritesTo(
        """
        package com.acme;

        class A {
          ArrayList<String> xs = new ArrayList<>();
        }
        """,
        "ArrayList",
        """
        package com.acme;

        import java.util.ArrayList;

        class A {
          ArrayList<String> xs = new ArrayList<>();
        }
        """,
        0.9);
  }

  @Test
  void theProjectsOwnTypeComesFirst() throws Exception {
    Projects.write(
        repo,
        "src/main/java/com/acme/model/Order.java",
        "package com.acme.model;\n\npublic record Order(long id) {}\n");
    rewritesTo(
        """
        package com.acme;

        class A {
          Order o = new Order(1);
        }
        """,
        "Order",
        """
        package com.acme;

        import com.acme.model.Order;

        class A {
          Order o = new Order(1);
        }
        """,
        0.9);
  }

  @Test
  void ambiguousIsBelowAnyThreshold() throws Exception {
    Fix f =
        fix(
                """
        package com.acme;

        class A {
          Date when;
        }
        """,
                "Date")
            .orElseThrow();
    assertThat(f.diagnosis().confidence()).isLessThan(0.7);
    assertThat(f.diagnosis().reasoning()).contains("java.util.Date").contains("java.sql.Date");
  }

  @Test
  void staticMembersNarrowTheChoice() throws Exception {
    rewritesTo(
        """
        package com.acme;

        class A {
          Object o = Collectors.toList();
        }
        """,
        "Collectors",
        """
        package com.acme;

        import java.util.stream.Collectors;

        class A {
          Object o = Collectors.toList();
        }
        """,
        0.9);
  }

  @Test
  void unknownTypeOrAnImportAlreadyThereIsNoFix() throws Exception {
    assertThat(fix("package com.acme;\n\nclass A { Frobnicator f; }\n", "Frobnicator")).isEmpty();
    assertThat(
            fix(
                "package com.acme;\n\nimport java.util.List;\n\nclass A { List<String> f; }\n",
                "List"))
        .isEmpty();
  }

  @Test
  void appliesOnlyToMissingClasses() {
    assertThat(recipe.appliesTo(missing("List"))).isTrue();
    assertThat(
            recipe.appliesTo(
                Failure.of(
                    FailureKind.COMPILE_ERROR,
                    FILE,
                    1,
                    1,
                    "cannot find symbol: method sizee()",
                    null,
                    null,
                    FailureDetails.tool("javac").withSymbol("method sizee()", "x"))))
        .isFalse();
    assertThat(
            recipe.appliesTo(
                Failure.of(FailureKind.TEST_FAILURE, FILE, 1, null, "x", "a.B#c", null, null)))
        .isFalse();
  }
}
