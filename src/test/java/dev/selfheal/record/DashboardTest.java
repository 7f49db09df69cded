package dev.selfheal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.model.Category;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Status;
import dev.selfheal.redact.Redactor;
import dev.selfheal.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three weeks of recorded heals, read back from SQLite and PostgreSQL and turned into the dashboard
 * with a fixed clock: each weekly series, the per-repository breakdown, the undecided rates while a
 * PR is open, and one attempt for a dry run and its {@code --apply}.
 */
class DashboardTest {
  /** A Monday. */
  private static final Instant W1 = Instant.parse("2026-11-02T09:00:00Z");

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static Stream<Arguments> databases() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("sqlite"));
    if (TestDatabases.postgresAvailable()) {
      out.add(Arguments.of("postgresql"));
    }
    return out.stream();
  }

  private static Attempt heal(
      String id,
      String repo,
      String commit,
      Instant at,
      Status s,
      Category c,
      long ttfMs,
      String pr,
      String fp) {
    return new Attempt(
        id,
        repo,
        commit,
        "main",
        at,
        s,
        c,
        s == Status.HEALED ? "java/missing-import" : null,
        s == Status.HEALED ? "validated" : "no recipe fits",
        0,
        s == Status.HEALED ? 1 : 0,
        s == Status.HEALED ? 1 : 0,
        s == Status.HEALED ? List.of("src/A.java") : List.of(),
        new Attempt.Timings(1000, 10, 20, ttfMs - 1030, 500, ttfMs + 500),
        null,
        0,
        0,
        0.0,
        pr,
        pr == null
            ? Attempt.PrOutcome.UNKNOWN
            : new Attempt.PrOutcome(Attempt.PrState.OPEN, false, null, at),
        List.of(new Attempt.FailureRef(FailureKind.COMPILE_ERROR, fp, "src/A.java")),
        "src/A.java:3 cannot find symbol " + fp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void eachSeriesTheBreakdownTheUndecidedAndTheDedupe(String kind, @TempDir Path dir)
      throws Exception {
    Map<String, String> env =
        kind.equals("sqlite")
            ? Map.of("SELFHEAL_DB_URL", "jdbc:sqlite:" + dir.resolve("h.db"))
            : TestDatabases.freshPostgres().orElseThrow();
    History h = History.open(env, dir, new Redactor(Map.of()));
    Duration day = Duration.ofDays(1);
    // Week 1: shop — a dry run and then --apply of the same failure on the same commit (one
    // attempt), and a failure not healed. lib — one healed with a PR later merged.
    h.record(
        heal(
            "w1a", "acme/shop", "c1", W1, Status.HEALED, Category.TYPE_ERROR, 20_000, null, "fp1"));
    h.record(
        heal(
            "w1b",
            "acme/shop",
            "c1",
            W1.plus(Duration.ofMinutes(5)),
            Status.HEALED,
            Category.TYPE_ERROR,
            22_000,
            null,
            "fp1"));
    h.record(
        heal(
            "w1c",
            "acme/shop",
            "c2",
            W1.plus(day),
            Status.NOT_HEALED,
            Category.TEST_FAILURE,
            0,
            null,
            "fp2"));
    h.record(
        heal(
            "w1d",
            "acme/lib",
            "c3",
            W1.plus(day.multipliedBy(2)),
            Status.HEALED,
            Category.TYPE_ERROR,
            40_000,
            "https://gh/acme/lib/pull/1",
            "fp3"));
    h.updatePr(
        "https://gh/acme/lib/pull/1",
        new Attempt.PrOutcome(Attempt.PrState.MERGED, false, Attempt.CiConclusion.SUCCESS, NOW));
    // Week 2: nothing. Week 3: lib — healed with a PR still open (undecided), and a retried CI job
    // of a failure not healed (one attempt).
    Instant w3 = W1.plus(Duration.ofDays(14));
    h.record(
        heal(
            "w3a",
            "acme/lib",
            "c4",
            w3,
            Status.HEALED,
            Category.TYPE_ERROR,
            60_000,
            "https://gh/acme/lib/pull/2",
            "fp4"));
    h.record(
        heal(
            "w3b",
            "acme/lib",
            "c5",
            w3.plus(day),
            Status.NOT_HEALED,
            Category.TYPE_ERROR,
            0,
            null,
            "fp5"));
    h.record(
        heal(
            "w3c",
            "acme/lib",
            "c5",
            w3.plus(day).plus(Duration.ofMinutes(9)),
            Status.NOT_HEALED,
            Category.TYPE_ERROR,
            0,
            null,
            "fp5"));

    List<Attempt> all = h.attempts(null, null);
    Dashboard d = Dashboard.of(all, all, null, null, NOW, "9.9.9");
    JsonNode j = d.json();
    assertThat(j.path("attempts").asInt()).as("7 heals, 5 attempts").isEqualTo(5);
    assertThat(j.path("healed").asInt()).isEqualTo(3);
    assertThat(j.path("open_prs").asInt()).isEqualTo(1);
    assertThat(j.path("fix_accuracy").asDouble()).isEqualTo(1.0);
    assertThat(j.path("false_positive_rate").asDouble()).isZero();
    assertThat(j.path("generated_at").asText()).isEqualTo(NOW.toString());
    assertThat(j.path("selfheal_version").asText()).isEqualTo("9.9.9");
    assertThat(j.path("period").path("from").asText()).isEqualTo(W1.toString());

    JsonNode weeks = j.path("weeks");
    assertThat(weeks).hasSize(3);
    assertThat(weeks.get(0).path("week").asText()).isEqualTo("2026-11-02");
    assertThat(weeks.get(0).path("attempts").asInt()).isEqualTo(3);
    assertThat(weeks.get(0).path("auto_fix_rate").asDouble())
        .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(weeks.get(0).path("time_to_fix_ms").path("median").asLong()).isEqualTo(22_000);
    assertThat(weeks.get(0).path("fix_accuracy").asDouble()).isEqualTo(1.0);
    assertThat(weeks.get(1).path("attempts").asInt()).as("an empty week is kept").isZero();
    assertThat(weeks.get(1).path("auto_fix_rate").isNull()).isTrue();
    JsonNode w3n = weeks.get(2);
    assertThat(w3n.path("attempts").asInt()).isEqualTo(2);
    assertThat(w3n.path("auto_fix_rate").asDouble()).isEqualTo(0.5);
    assertThat(w3n.path("false_positive_rate").isNull()).as("the only PR is still open").isTrue();
    assertThat(w3n.path("fix_accuracy").isNull()).isTrue();
    assertThat(w3n.path("open_prs").asInt()).isEqualTo(1);

    JsonNode lib = j.path("by_repo").path("acme/lib");
    assertThat(lib.path("attempts").asInt()).isEqualTo(3);
    assertThat(lib.path("healed").asInt()).isEqualTo(2);
    JsonNode shop = j.path("by_repo").path("acme/shop");
    assertThat(shop.path("attempts").asInt()).isEqualTo(2);
    assertThat(shop.path("auto_fix_rate").asDouble()).isEqualTo(0.5);

    assertThat(j.path("recent")).hasSize(5);
    assertThat(j.path("recent").get(0).path("commit").asText()).isEqualTo("c5");
    assertThat(j.path("recent").get(0).path("headline").asText()).contains("fp5");

    String html = HtmlReport.render(d, all, "selfheal metrics");
    assertThat(html).doesNotContain("<script");
    assertThat(html).contains(">— (1 open)</text>"); // week 3's false-positive rate
    assertThat(html)
        .containsPattern(
            "data-series=\"trend-auto-fix\" data-label=\"2026-11-16\" data-value=\"0\\.5000\"");
    assertThat(html).contains("data-repo=\"acme/lib\"");
  }
}
