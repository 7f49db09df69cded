package dev.selfheal.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.model.Status;
import dev.selfheal.redact.Redactor;
import dev.selfheal.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The history on SQLite and on the PostgreSQL server .ci/run starts, with the same schema. */
class HistoryTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  @TempDir static Path shared;

  static Stream<Arguments> databases() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("sqlite"));
    if (TestDatabases.postgresAvailable()) {
      out.add(Arguments.of("postgresql"));
    }
    return out.stream();
  }

  private static Map<String, String> fresh(String kind, Path dir) {
    if (kind.equals("sqlite")) {
      return Map.of(
          "SELFHEAL_DB_URL", "jdbc:sqlite:" + dir.resolve("h-" + System.nanoTime() + ".db"));
    }
    return TestDatabases.freshPostgres().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void recordsReadsAndRedactsAndUpdatesAPullRequestsOutcome(String kind, @TempDir Path dir)
      throws Exception {
    Map<String, String> env = fresh(kind, dir);
    Redactor redactor = new Redactor(Map.of("DEPLOY_TOKEN", "s3cr3t-deploy-token-value"));
    History h = History.open(env, dir, redactor);
    Attempt a =
        new Attempt(
            "run-1",
            "acme/shop",
            "abc",
            "main",
            T0,
            Status.HEALED,
            dev.selfheal.model.Category.TYPE_ERROR,
            "java/missing-import",
            "failed with s3cr3t-deploy-token-value in the log",
            1,
            1,
            2,
            List.of("src/A.java"),
            new Attempt.Timings(1, 2, 3, 4, 5, 15),
            "claude-x",
            100,
            20,
            0.01,
            "https://github.com/acme/shop/pull/3",
            Attempt.PrOutcome.UNKNOWN,
            List.of(
                new Attempt.FailureRef(
                    dev.selfheal.model.FailureKind.COMPILE_ERROR, "fp1", "src/A.java")));
    h.record(a);
    h.record(Attempts.sample("run-2", "acme/other", T0.plusSeconds(60)));
    List<Attempt> back = History.open(env, dir, redactor).attempts(null, null);
    assertThat(back).hasSize(2);
    Attempt r = back.get(0);
    assertThat(r.message()).doesNotContain("s3cr3t").contains("REDACTED");
    assertThat(r.failures()).containsExactly(a.failures().get(0));
    assertThat(r.timings()).isEqualTo(a.timings());
    assertThat(r.llmCostUsd()).isEqualTo(0.01);
    assertThat(r.startedAt()).isEqualTo(T0);
    assertThat(h.attempts(null, "shop")).extracting(Attempt::id).containsExactly("run-1");
    assertThat(h.attempts(T0.plusSeconds(1), null))
        .extracting(Attempt::id)
        .containsExactly("run-2");

    var merged =
        new Attempt.PrOutcome(
            Attempt.PrState.MERGED, false, Attempt.CiConclusion.SUCCESS, T0.plusSeconds(9));
    assertThat(h.updatePr("https://github.com/acme/shop/pull/3", merged)).isEqualTo(1);
    assertThat(h.attempts(null, "acme/shop").get(0).pr()).isEqualTo(merged);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void manyConcurrentWritersOnAFreshDatabaseLoseNoRecord(String kind, @TempDir Path dir)
      throws Exception {
    Map<String, String> env = fresh(kind, dir);
    int writers = 12;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        done.add(
            pool.submit(
                () -> {
                  // Each writer opens its own history, as parallel heals do: the first ones race to
                  // create the schema.
                  History h = History.open(env, dir, new Redactor(Map.of()));
                  for (int i = 0; i < each; i++) {
                    h.record(Attempts.sample("w" + id + "-" + i, "acme/shop", T0.plusSeconds(i)));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<Attempt> all = History.open(env, dir, new Redactor(Map.of())).attempts(null, null);
    assertThat(all).hasSize(writers * each);
    assertThat(all.stream().map(Attempt::id).distinct()).hasSize(writers * each);
    assertThat(all).allSatisfy(a -> assertThat(a.failures()).hasSize(1));
  }

  @Test
  void parallelProcessesOnOneSqliteFileLoseNoRecord(@TempDir Path dir) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("history.db");
    List<Process> procs = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      procs.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  HistoryWriterMain.class.getName(),
                  url,
                  "p" + p,
                  "30")
              .redirectErrorStream(true)
              .start());
    }
    for (Process p : procs) {
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(out).isZero();
    }
    try (Connection c = DriverManager.getConnection(url);
        ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM heal_attempt")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(120);
    }
  }

  @Test
  void aBadDatabaseUrlIsAClearError(@TempDir Path dir) {
    var ex =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            HistoryException.class,
            () ->
                History.open(
                    Map.of("SELFHEAL_DB_URL", "jdbc:mysql://u:pw@h/db"),
                    dir,
                    new Redactor(Map.of())));
    assertThat(ex)
        .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:")
        .hasMessageNotContaining("pw");
  }
}
