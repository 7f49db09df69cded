package dev.selfheal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.HealReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GradersTest {
  private static final String POM = "pom.xml";
  private static final String TEST = "src/test/java/a/ATest.java";

  private static final GoldenCase DEPENDENCY =
      new GoldenCase(
          "gen/p/remove-dependency:pom.xml:junit",
          Map.of("category", "dependency_issue", "tool", "maven", "difficulty", "medium"),
          Expected.HEALED,
          null,
          List.of(POM),
          List.of("junit"),
          null,
          new GoldenCase.Handwritten(Path.of("b"), null, Set.of(), "m", null, null, null));

  /** A healed report whose one fix edits the pom and names {@code affected} in its diagnosis. */
  private static HealReport healed(List<String> affected) {
    Failure f =
        Failure.of(
            FailureKind.COMPILE_ERROR,
            TEST,
            3,
            1,
            "package org.junit does not exist",
            null,
            null,
            null);
    Diagnosis d =
        new Diagnosis(
            "the test scope lost junit",
            Category.DEPENDENCY_ISSUE,
            affected,
            0.9,
            "r",
            DiagnosisSource.RULES);
    Fix fix =
        new Fix(
            List.of(f.fingerprint()),
            d,
            "maven/undeclared-dependency",
            List.of(new Edit(POM, "a", "b")));
    return new HealReport(
        HealReport.SCHEMA,
        Status.HEALED,
        "healed",
        "r",
        "mvn -B verify",
        "abc",
        List.of(f),
        List.of(),
        List.of(fix),
        new HealReport.PatchSummary(1, 4, "diff"),
        new HealReport.Guardrails(true, List.of()),
        null,
        null,
        null,
        HealReport.Llm.NONE,
        List.of());
  }

  @Test
  void aDiagnosisNamesWhereTheFixGoesAndMayNameWhereTheFailureShowed() {
    assertThat(Graders.structure(DEPENDENCY, healed(List.of(POM, TEST))).checks())
        .containsEntry("affected_files_allowed", true)
        .containsEntry("category", true)
        .containsEntry("mentions junit", true);
    assertThat(Graders.structure(DEPENDENCY, healed(List.of(TEST))).checks())
        .as("only where it showed, not where the fix goes")
        .containsEntry("affected_files_allowed", false);
    assertThat(
            Graders.structure(DEPENDENCY, healed(List.of(POM, "src/main/java/a/Other.java")))
                .checks())
        .as("a file neither fixed nor failing is a wrong lead")
        .containsEntry("affected_files_allowed", false);
  }
}
