package dev.selfheal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Status;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile error in the tests hid the whole suite; the fix lets it run, and a test unrelated to
 * the change fails — as it did before the change. That failure is named as pre-existing and does
 * not block the heal; one the fix caused does.
 */
class UncoveredFailuresIT {
  @TempDir Path repo;
  @TempDir Path state;

  private void project(String legacyAssertion) {
    project(legacyAssertion, legacyAssertion);
  }

  private void project(String legacyAssertion, String legacyAfterTheChange) {
    Projects.write(repo, "pom.xml", POM);
    Projects.write(
        repo,
        "src/test/java/com/acme/CalcTest.java",
        """
        package com.acme;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import org.junit.jupiter.api.Test;

        class CalcTest {
          @Test
          void adds() {
            assertEquals(5, new Calc().sum(2, 3));
          }
        }
        """);
    Projects.write(repo, "src/test/java/com/acme/LegacyTest.java", legacy(legacyAssertion));
    Projects.write(repo, "src/main/java/com/acme/Calc.java", calc("sum"));
    GitRepos.commitAll(repo, "init");
    Projects.write(repo, "src/main/java/com/acme/Calc.java", calc("total"));
    Projects.write(repo, "src/test/java/com/acme/LegacyTest.java", legacy(legacyAfterTheChange));
    GitRepos.commitAll(repo, "refactor: sum is total");
  }

  private static String legacy(String assertion) {
    return "package com.acme;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
        + "import org.junit.jupiter.api.Test;\n\nclass LegacyTest {\n  @Test\n  void rounding() {\n    "
        + assertion
        + "\n  }\n}\n";
  }

  private static String calc(String name) {
    return "package com.acme;\n\npublic final class Calc {\n  public int "
        + name
        + "(int a, int b) {\n    return a + b;\n  }\n}\n";
  }

  private HealReport heal() throws Exception {
    return new HealPipeline(TestEnv.with(state))
        .heal(
            new HealRequest(
                repo, "mvn -B verify", null, HealReport.DeliveryMode.DRY_RUN, null, null, true),
            Progress.silent())
        .report();
  }

  @Test
  void aFailureThatWasThereBeforeTheChangeDoesNotBlockTheFix() throws Exception {
    project("assertEquals(3, Math.round(2.4));");
    HealReport r = heal();
    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    assertThat(r.preExisting())
        .containsExactly(new HealReport.Surfaced("com.acme.LegacyTest#rounding", "pre_existing"));
    assertThat(r.patch().diff()).contains("+    assertEquals(5, new Calc().total(2, 3));");
    ReportSchema.check(r);
  }

  @Test
  void aFailureTheChangeBroughtStillBlocksIt() throws Exception {
    // LegacyTest passed on the commit before the change: the change broke it too.
    project("assertEquals(2, Math.round(2.4));", "assertEquals(3, Math.round(2.4));");
    HealReport r = heal();
    assertThat(r.status()).isNotEqualTo(Status.HEALED);
    assertThat(r.preExisting()).isEmpty();
  }

  static final String POM = dev.selfheal.llm.LlmHealITAccess.POM;
}
