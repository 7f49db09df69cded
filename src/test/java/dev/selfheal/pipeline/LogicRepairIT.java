package dev.selfheal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.LogicProject;
import dev.selfheal.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logic tier end to end, no model: real Maven builds of a small project with a one-line logic
 * regression, healed by fault localization and a repair template checked in the warm worker, then
 * validated by the project's own targeted and full runs.
 */
class LogicRepairIT {
  @TempDir Path repo;
  @TempDir Path state;

  private HealPipeline.Result heal() throws Exception {
    return new HealPipeline(TestEnv.with(state))
        .heal(
            new HealRequest(
                repo, "mvn -B verify", null, HealReport.DeliveryMode.DRY_RUN, null, null, true),
            Progress.silent());
  }

  @Test
  void aRefactoringThatFlippedAComparisonIsRevertedAtThatLine() throws Exception {
    LogicProject.write(repo, false);
    GitRepos.commitAll(repo, "shop");
    LogicProject.plant(repo, LogicProject.PRICING, "total >= 100", "total > 100");
    LogicProject.plant(repo, LogicProject.CART, "int sum = 0;", "int sum = 0; // running total");
    GitRepos.commitAll(repo, "refactor: tidy pricing and cart");

    HealPipeline.Result result = heal();
    HealReport r = result.report();

    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    Fix fix = r.fixes().get(0);
    assertThat(fix.strategy()).isEqualTo("java/logic-repair:partial-revert");
    assertThat(r.patch().diff())
        .contains("-    if (total > 100) {", "+    if (total >= 100) {")
        .doesNotContain("running total"); // only the suspicious line is reverted
    assertThat(fix.diagnosis().confidence()).isGreaterThanOrEqualTo(0.7);
    assertThat(fix.diagnosis().reasoning())
        .contains("ranked " + LogicProject.PRICING + ":9 #1", "4 passing test(s)");
    assertThat(r.localization().localized()).isTrue();
    assertThat(r.localization().top().get(0).file()).isEqualTo(LogicProject.PRICING);
    assertThat(r.localization().top().get(0).changed()).isTrue();
    assertThat(r.localization().candidatesSurvived()).isPositive();
    // The worker ran the failing test against the fix; the full run's reports are the evidence
    // that it passes under the project's own command, with no narrowed run in between.
    assertThat(r.validation().targeted().passed()).isTrue();
    assertThat(r.validation().targeted().executed()).isEqualTo(1);
    assertThat(r.validation().targeted().command()).isEqualTo("mvn -B verify");
    assertThat(r.validation().full().passed()).isTrue();
    assertThat(Files.readString(result.run().path().resolve("localize.json")))
        .contains("\"rank\" : 1", "\"ochiai\"");
    ReportSchema.check(r);
  }

  @Test
  void withoutABreakingChangeATemplateFindsTheBoundaryOnJUnit4() throws Exception {
    LogicProject.write(repo, true);
    LogicProject.plant(repo, LogicProject.PRICING, "total >= 100", "total > 100");
    GitRepos.commitAll(repo, "shop"); // one commit: nothing to revert to

    HealReport r = heal().report();

    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    assertThat(r.fixes().get(0).strategy()).isEqualTo("java/logic-repair:relational-operator");
    assertThat(r.patch().diff()).contains("+    if (total >= 100) {");
    assertThat(r.localization().top().get(0).changed()).isFalse();
  }

  @Test
  void aDeclaredChangeIsNotRevertedButATemplateMayFixIt() throws Exception {
    LogicProject.write(repo, false);
    GitRepos.commitAll(repo, "shop");
    LogicProject.plant(repo, LogicProject.STOCK, "have < quantity", "have <= quantity");
    GitRepos.commitAll(repo, "feat: keep one in reserve");

    HealReport r = heal().report();

    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    assertThat(r.fixes().get(0).strategy()).isEqualTo("java/logic-repair:relational-operator");
    assertThat(r.patch().diff()).contains("+    if (have == null || have < quantity) {");
  }

  @Test
  void aLineOnlyTheFailingTestRunsIsNotHealedOnItsWordAlone() throws Exception {
    LogicProject.write(repo, false);
    // One test runs this line, and it fails: nothing else vouches for a guess there. One commit:
    // no earlier version of the line to put back.
    LogicProject.plant(repo, LogicProject.PRICING, "net * 20 / 100", "net * 20 * 100");
    GitRepos.commitAll(repo, "shop");

    HealReport r = heal().report();

    assertThat(r.status()).isEqualTo(Status.NOT_HEALED);
    assertThat(r.message()).contains("confidence threshold");
    assertThat(r.refused()).isNotNull();
    assertThat(r.refused().fixes().get(0).strategy())
        .isEqualTo("java/logic-repair:arithmetic-operator");
    assertThat(r.refused().fixes().get(0).diagnosis().confidence()).isLessThan(0.7);
    assertThat(r.refused().fixes().get(0).diagnosis().reasoning())
        .contains("no passing test runs the changed line(s): only the 1 failing test(s)");
  }

  @Test
  void theSameLinePutBackAsTheSuiteLastPassedItIsHealed() throws Exception {
    LogicProject.write(repo, false);
    GitRepos.commitAll(repo, "shop");
    LogicProject.plant(repo, LogicProject.PRICING, "net * 20 / 100", "net * 20 / 10");
    GitRepos.commitAll(repo, "refactor: simpler tax");

    HealReport r = heal().report();

    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    assertThat(r.fixes().get(0).strategy()).isEqualTo("java/logic-repair:partial-revert");
    assertThat(r.patch().diff()).contains("+    return net * 20 / 100;");
  }

  @Test
  void severalFailingTestsThatAllPassWithTheFixAreEvidenceEnough() throws Exception {
    LogicProject.write(repo, false);
    GitRepos.commitAll(repo, "shop");
    // Three tests run this line and all three fail; the revert makes all three pass.
    LogicProject.plant(repo, LogicProject.PRICING, "return total / 10;", "return total / 5;");
    GitRepos.commitAll(repo, "refactor: simpler discount");

    HealReport r = heal().report();

    assertThat(r.status()).as(r.reason() + " " + r.notices()).isEqualTo(Status.HEALED);
    assertThat(r.fixes().get(0).diagnosis().confidence()).isGreaterThanOrEqualTo(0.7);
    assertThat(r.patch().diff()).contains("+      return total / 10;");
  }

  @Test
  void aFailureOnlyTheBuildsOwnRunShowsIsANoticeAndTheHealGoesOn() throws Exception {
    LogicProject.write(repo, false);
    dev.selfheal.testing.Projects.write(
        repo,
        "src/test/java/com/acme/shop/ForkTest.java",
        """
        package com.acme.shop;

        import static org.junit.jupiter.api.Assertions.assertNull;

        import org.junit.jupiter.api.Test;

        class ForkTest {
          @Test
          void notUnderSurefire() {
            assertNull(System.getProperty("surefire.test.class.path"), "runs only outside surefire");
          }
        }
        """);
    GitRepos.commitAll(repo, "shop");

    HealReport r = heal().report();

    assertThat(r.status()).isEqualTo(Status.NOT_HEALED);
    assertThat(r.localization().localized()).isFalse();
    assertThat(r.localization().reason())
        .contains("do not fail when selfheal's worker runs them one by one");
    assertThat(r.notices()).anyMatch(n -> n.startsWith("not localized: "));
  }
}
