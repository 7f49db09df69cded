package dev.selfheal.cli;

import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.UsageException;
import dev.selfheal.record.Attempt;
import dev.selfheal.record.History;
import dev.selfheal.record.HistoryException;
import dev.selfheal.record.HtmlReport;
import dev.selfheal.record.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `selfheal report`: the five metrics from the history. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Auto-fix rate, time to fix, fix accuracy, false-positive rate and regression rate, overall"
            + " and per category, from the history (SQLite by default, SELFHEAL_DB_URL for a team).")
public final class ReportCommand implements Callable<Integer> {
  private final Environment env;

  public ReportCommand(Environment env) {
    this.env = env;
  }

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "only heals from this date (2026-11-01) or instant on")
  String since;

  @Option(
      names = "--repo",
      paramLabel = "NAME",
      description = "only this repository (owner/name, name, or path)")
  String repo;

  @Option(names = "--json", description = "print selfheal.metrics/v1 JSON instead of a table")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "also write a self-contained page with charts")
  Path html;

  @Override
  public Integer call() throws Exception {
    Instant from = since == null ? null : parse(since);
    List<Attempt> selected;
    List<Attempt> all;
    try {
      History h = History.open(env.env(), env.stateDir(), env.redactor());
      // One read: the regression window looks past --since, so the selection is taken from all.
      all = h.attempts(null, repo);
      selected =
          from == null ? all : all.stream().filter(a -> !a.startedAt().isBefore(from)).toList();
    } catch (HistoryException e) {
      throw new UsageException(e.getMessage());
    }
    Metrics m = Metrics.of(selected, all);
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(m));
    } else {
      MetricsTable.print(m, System.out);
    }
    if (html != null) {
      Path dir = html.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".selfheal-report", ".tmp");
      try {
        String title =
            "selfheal metrics"
                + (repo == null ? "" : " — " + repo)
                + (since == null ? "" : " since " + since);
        Files.writeString(tmp, HtmlReport.render(m, selected, title));
        Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      System.err.println("wrote " + html);
    }
    return ExitCode.OK;
  }

  private static Instant parse(String s) throws UsageException {
    try {
      return s.contains("T")
          ? Instant.parse(s)
          : LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--since "
              + s
              + ": expected a date like 2026-11-01 or an instant like 2026-11-01T09:00:00Z");
    }
  }
}
