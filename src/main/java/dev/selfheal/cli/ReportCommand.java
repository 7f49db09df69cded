package dev.selfheal.cli;

import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.Json;
import dev.selfheal.pipeline.UsageException;
import dev.selfheal.record.Attempt;
import dev.selfheal.record.Dashboard;
import dev.selfheal.record.History;
import dev.selfheal.record.HistoryException;
import dev.selfheal.record.HtmlReport;
import java.nio.file.Path;
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
            + " and per category, from the history (SQLite by default, SELFHEAL_DB_URL for a team).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal report                      # the five metrics, overall and by category",
      "  selfheal report --since=2026-11-01 --repo=acme/shop --json",
      "  selfheal report --html=selfheal.html # a page that needs no script to show every number"
    })
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

  @Option(
      names = "--json",
      description =
          "print selfheal.metrics/v1 JSON (the metrics, the weekly series, by repository, the"
              + " recent heals) instead of a table")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "also write a self-contained page: every number and chart drawn without a script (a"
              + " FIFO or /dev/stdout is written to directly)")
  Path html;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "only heals before the end of this date (2026-11-30) or before this instant")
  String until;

  @Override
  public Integer call() throws Exception {
    Instant from = since == null ? null : parse(since, "--since", false);
    Instant to = until == null ? null : parse(until, "--until", true);
    if (from != null && to != null && !to.isAfter(from)) {
      throw new UsageException("--until " + until + " is not after --since " + since);
    }
    List<Attempt> selected;
    List<Attempt> all;
    try {
      History h = History.open(env.env(), env.stateDir(), env.redactor());
      // One read: the regression window looks past the period, so the selection is taken from all.
      all = h.attempts(null, repo);
      selected =
          all.stream()
              .filter(a -> from == null || !a.startedAt().isBefore(from))
              .filter(a -> to == null || a.startedAt().isBefore(to))
              .toList();
    } catch (HistoryException e) {
      throw new UsageException(e.getMessage());
    }
    Dashboard d =
        Dashboard.of(
            selected,
            all,
            from,
            to,
            env.clock().instant(),
            dev.selfheal.model.SelfhealVersion.current());
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(d.json()));
    } else {
      MetricsTable.print(d.metrics(), System.out);
    }
    if (html != null) {
      String title =
          "selfheal metrics"
              + (repo == null ? "" : " — " + repo)
              + (since == null ? "" : " since " + since)
              + (until == null ? "" : " until " + until);
      dev.selfheal.pipeline.RunDir.writeAtomically(html, HtmlReport.render(d, selected, title));
      System.err.println("wrote " + html);
    }
    return ExitCode.OK;
  }

  /** A date (its start, or with {@code end} the next day's start) or an instant. */
  private static Instant parse(String s, String option, boolean end) throws UsageException {
    try {
      if (s.contains("T")) {
        return Instant.parse(s);
      }
      LocalDate day = LocalDate.parse(s);
      return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          option
              + " "
              + s
              + ": expected a date like 2026-11-01 or an instant like 2026-11-01T09:00:00Z");
    }
  }
}
