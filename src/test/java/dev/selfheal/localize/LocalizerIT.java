package dev.selfheal.localize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.fix.DependencyIndex;
import dev.selfheal.model.Failure;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.LogicProject;
import dev.selfheal.validate.Validator;
import dev.selfheal.vcs.BreakingChange;
import dev.selfheal.vcs.Git;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Localization on real Maven builds (JUnit 5 and JUnit 4) of a small project with a planted
 * regression: the worker runs the module's tests one by one with JaCoCo, and the planted line ranks
 * first, with the passing tests that run it.
 */
class LocalizerIT {
  @TempDir Path repo;
  @TempDir Path work;

  @ParameterizedTest(name = "junit4={0}")
  @ValueSource(booleans = {false, true})
  void thePlantedLineRanksFirst(boolean junit4) throws Exception {
    LogicProject.write(repo, junit4);
    GitRepos.commitAll(repo, "shop");
    LogicProject.plant(repo, LogicProject.PRICING, "total >= 100", "total > 100");
    GitRepos.commitAll(repo, "refactor: tidy Pricing");
    CommandRunner runner = CommandRunner.system();
    List<Failure> failing =
        new Validator(runner, work, Duration.ofMinutes(5))
            .run(repo, "mvn -B -q verify", "detect")
            .failures();
    assertThat(failing)
        .extracting(Failure::test)
        .containsExactly("com.acme.shop.PricingTest#discountAtAHundred");
    BreakingChange change = BreakingChange.read(new Git(runner, repo), "HEAD^", "HEAD", "HEAD");
    if (!junit4) {
      // Without surefire's reports, the class path comes from Maven's dependency plugin.
      try (var reports = java.nio.file.Files.walk(repo.resolve("target/surefire-reports"))) {
        for (Path p : reports.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
    }
    Localizer.Dependencies deps =
        junit4
            ? m -> {
              throw new AssertionError("the surefire report names the class path");
            }
            : m ->
                java.util.Optional.ofNullable(
                    DependencyIndex.maven(runner, repo, null, work).classpaths().get(m));

    try (Localizer.Localized l =
        Localizer.localize(
            runner,
            new Localizer.Request(
                repo, failing, deps, change, work, work, Duration.ofMinutes(2)))) {
      Localization loc = l.localization();
      assertThat(loc.junit()).isEqualTo(junit4 ? "junit4" : "junit-platform");
      assertThat(loc.failingTests())
          .containsExactly("com.acme.shop.PricingTest#discountAtAHundred");
      assertThat(loc.passingTests()).hasSize(15);
      Suspect top = loc.ranked().get(0);
      assertThat(top.where()).isEqualTo(LogicProject.PRICING + ":9 (Pricing.discount)");
      assertThat(top.changed()).isTrue();
      assertThat(loc.passingTestsCovering(LogicProject.PRICING, List.of(9)))
          .containsExactly(
              "com.acme.shop.CartTest#bigOrderIsDiscounted",
              "com.acme.shop.CartTest#smallOrderIsNot",
              "com.acme.shop.PricingTest#discountAbove",
              "com.acme.shop.PricingTest#noDiscountBelowAHundred");
      assertThat(loc.millis("com.acme.shop.PricingTest#discountAtAHundred")).isPositive();
    }
  }
}
