package dev.selfheal.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Category;
import dev.selfheal.model.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private static Attempt at(
      int hours, String id, Status s, Category c, long ttf, String pr, String fp, String file) {
    return Attempts.of(
        id,
        "acme/shop",
        T0.plus(Duration.ofHours(hours)),
        s,
        c,
        s == Status.HEALED ? "java/missing-import" : null,
        ttf,
        pr,
        fp,
        file);
  }

  @Test
  void nothingToMeasureIsNullNotZero() {
    Metrics m = Metrics.of(List.of(), List.of());
    assertThat(m.attempts()).isZero();
    assertThat(m.autoFixRate()).isNull();
    assertThat(m.timeToFixMs()).isEqualTo(new Metrics.Spread(null, null));
    assertThat(m.fixAccuracy()).isNull();
    assertThat(m.falsePositiveRate()).isNull();
    assertThat(m.regressionRate()).isNull();
    assertThat(m.byCategory()).isEmpty();
  }

  @Test
  void theFiveMetricsOverallAndPerCategory() {
    List<Attempt> all = new ArrayList<>();
    all.add(
        at(
            0,
            "a",
            Status.HEALED,
            Category.TYPE_ERROR,
            10_000,
            "https://gh/acme/shop/pull/1",
            "fp1",
            "A.java"));
    all.add(
        at(
            1,
            "b",
            Status.HEALED,
            Category.TYPE_ERROR,
            20_000,
            "https://gh/acme/shop/pull/2",
            "fp2",
            "B.java"));
    all.add(at(2, "c", Status.HEALED, Category.TEST_FAILURE, 40_000, null, "fp3", "C.java"));
    all.add(at(3, "d", Status.REJECTED, Category.TYPE_ERROR, 0, null, "fp4", "D.java"));
    all.add(at(4, "e", Status.NOT_HEALED, Category.TEST_FAILURE, 0, null, "fp5", "E.java"));
    all.add(at(5, "f", Status.FLAKY, Category.TEST_FAILURE, 0, null, "fp6", "F.java"));
    all.add(at(6, "g", Status.NO_FAILURE, null, 0, null, "fp7", "G.java"));
    // PR 1 merged untouched; PR 2 closed by a person.
    all.set(
        0,
        all.get(0)
            .withPr(
                new Attempt.PrOutcome(
                    Attempt.PrState.MERGED, false, Attempt.CiConclusion.SUCCESS, T0)));
    all.set(1, all.get(1).withPr(new Attempt.PrOutcome(Attempt.PrState.CLOSED, false, null, T0)));
    // Two days later, at another commit, C.java (touched by heal c) fails again: a regression.
    Attempt later = at(48, "h", Status.NOT_HEALED, Category.TEST_FAILURE, 0, null, "fp9", "C.java");
    all.add(
        new Attempt(
            later.id(),
            later.repo(),
            "other",
            later.branch(),
            later.startedAt(),
            later.status(),
            later.category(),
            later.strategy(),
            later.message(),
            0,
            0,
            0,
            List.of(),
            later.timings(),
            null,
            0,
            0,
            0,
            null,
            Attempt.PrOutcome.UNKNOWN,
            later.failures()));

    Metrics m = Metrics.of(all, all);
    assertThat(m.schema()).isEqualTo(Metrics.SCHEMA);
    assertThat(m.attempts())
        .isEqualTo(6); // a, b, c, d, e, h: flaky and passing runs are not fix attempts
    assertThat(m.healed()).isEqualTo(3);
    assertThat(m.autoFixRate()).isEqualTo(0.5);
    assertThat(m.timeToFixMs()).isEqualTo(new Metrics.Spread(20_000L, 40_000L));
    assertThat(m.timeToPrMs().median()).isEqualTo(10_500L);
    assertThat(m.fixAccuracy()).isEqualTo(0.5);
    assertThat(m.falsePositiveRate()).isEqualTo(0.5);
    // Of the fixes that landed (a, merged; c, no PR) c's failure came back: b's PR was closed.
    assertThat(m.regressionRate()).isEqualTo(0.5);
    assertThat(m.openPrs()).isZero();
    Metrics type = m.byCategory().get("type_error");
    assertThat(type.schema()).isNull();
    assertThat(type.attempts()).isEqualTo(3);
    assertThat(type.autoFixRate()).isEqualTo(2.0 / 3);
    assertThat(m.byCategory().get("test_failure").autoFixRate()).isEqualTo(1.0 / 3);
    assertThat(m.byCategory()).containsOnlyKeys("type_error", "test_failure");
  }

  @Test
  void theHtmlIsSelfContainedStaticAndEscaped() {
    List<Attempt> all =
        List.of(
            at(0, "a", Status.HEALED, Category.TYPE_ERROR, 5_000, null, "fp1", "A.java"),
            at(200, "b", Status.NOT_HEALED, Category.TYPE_ERROR, 0, null, "fp2", "B.java"));
    Dashboard d = Dashboard.of(all, all, null, null, T0.plus(Duration.ofDays(20)), "1.0");
    String html = HtmlReport.render(d, all, "t </script> & co");
    assertThat(html)
        .contains("t &lt;/script&gt; &amp; co")
        .doesNotContain("<script")
        .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//")
        .doesNotContain("url(http")
        .doesNotContain("@import");
    assertThat(d.weeks()).hasSize(2);
    assertThat(html).contains("<span class=\"nw\">").contains("white-space:nowrap");
  }

  @Test
  void aDryRunAndItsApplyAreOneAttempt() {
    Attempt dry = at(0, "dry", Status.HEALED, Category.TYPE_ERROR, 5_000, null, "fp1", "A.java");
    Attempt apply =
        at(1, "apply", Status.HEALED, Category.TYPE_ERROR, 6_000, null, "fp1", "A.java");
    Attempt other =
        at(2, "other", Status.NOT_HEALED, Category.TYPE_ERROR, 0, null, "fp2", "B.java");
    List<Attempt> all = List.of(dry, apply, other);
    assertThat(Metrics.dedupe(all)).containsExactly(apply, other);
    Metrics m = Metrics.of(all, all);
    assertThat(m.attempts()).isEqualTo(2);
    assertThat(m.autoFixRate()).isEqualTo(0.5);
  }

  @Test
  void aFalsePositiveRateWhileTheOnlyPrIsOpenIsUndecidedNotZero() {
    Attempt open =
        at(
                0,
                "a",
                Status.HEALED,
                Category.TYPE_ERROR,
                5_000,
                "https://gh/x/pull/1",
                "fp1",
                "A.java")
            .withPr(new Attempt.PrOutcome(Attempt.PrState.OPEN, false, null, T0));
    Metrics m = Metrics.of(List.of(open), List.of(open));
    assertThat(m.falsePositiveRate()).isNull();
    assertThat(m.fixAccuracy()).isNull();
    assertThat(m.openPrs()).isEqualTo(1);
  }
}
