package dev.selfheal.pipeline;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.fix.DependencyIndex;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.logic.LogicRepair;
import dev.selfheal.localize.Localization;
import dev.selfheal.localize.Localizer;
import dev.selfheal.localize.Suspect;
import dev.selfheal.localize.TestClasspath;
import dev.selfheal.localize.TestWorker;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The heal loop's logic tier, between the recipes and the model: when no recipe fits failing tests,
 * localizes the fault (once per heal) and tries the repair templates in the warm worker. Whatever
 * it cannot do — a build it cannot run per test, a worker that will not start, a budget spent — is
 * a notice, and the heal goes on without it. The ranking it made is kept for the model's prompt and
 * the report.
 */
final class LogicStep implements AutoCloseable {
  private final SelfhealConfig.Repair settings;
  private final CommandRunner runner;
  private final DependencyIndex deps;
  private final Path repo;
  private final Path state;
  private final RunDir run;
  private final Progress progress;
  final List<String> notices = new ArrayList<>();

  private boolean done;
  private Localizer.Localized localized;
  private HealReport.Localization report;

  LogicStep(
      SelfhealConfig.Repair settings,
      CommandRunner runner,
      DependencyIndex deps,
      Path repo,
      Path state,
      RunDir run,
      Progress progress) {
    this.settings = settings;
    this.runner = runner;
    this.deps = deps;
    this.repo = repo;
    this.state = state;
    this.run = run;
    this.progress = progress;
  }

  /** Whether any open failure is a failing test this tier could look at. */
  static boolean concerns(List<Failure> open) {
    return open.stream().anyMatch(f -> f.kind() == FailureKind.TEST_FAILURE && f.test() != null);
  }

  /** A fix for the failing tests, once per heal; empty when the tier has none. */
  Optional<Fix> propose(List<Failure> open, FixContext ctx) {
    if (done || !settings.logic() || !concerns(open)) {
      return Optional.empty();
    }
    done = true;
    long start = System.nanoTime();
    long deadline = start + settings.budget().toNanos();
    progress.start("localize", "no recipe fits; ranking suspicious lines by per-test coverage");
    try {
      localized =
          Localizer.localize(
              runner,
              new Localizer.Request(
                  repo,
                  open,
                  module -> java.util.Optional.ofNullable(deps.classpaths().get(module)),
                  ctx.change(),
                  state.resolve("worker"),
                  run.path(),
                  settings.budget()));
    } catch (TestClasspath.Unavailable | TestWorker.Failed | IOException e) {
      return off("not localized: " + e.getMessage(), start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return off("not localized: interrupted", start);
    } catch (RuntimeException e) {
      return off("not localized: the localizer failed (" + e + ")", start);
    }
    Localization loc = localized.localization();
    loc.notes().forEach(n -> notices.add("localization: " + n));
    progress.done(
        "localize",
        loc.ranked().isEmpty()
            ? "the failing tests ran no project line"
            : "top suspect "
                + loc.ranked().get(0).where()
                + " ("
                + loc.failingTests().size()
                + " failing, "
                + loc.passingTests().size()
                + " passing test(s) ran)");
    progress.start("fix", "trying repair templates at the top suspects in the warm test worker");
    LogicRepair.Report r;
    try {
      r =
          LogicRepair.repair(
              loc, localized.worker(), open, ctx, deadline, settings.maxCandidates());
    } catch (IOException | RuntimeException e) {
      notices.add("logic repair failed: " + e);
      report = summary(loc, start, 0, 0);
      writeJson(loc, null);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    localized.worker().close(); // the ranking stays; the worker is not needed again
    r.notes().forEach(n -> notices.add("logic repair: " + n));
    notices.add("logic repair: " + r.summary());
    progress.done("fix", r.summary());
    report = summary(loc, start, r.tried(), r.survivors());
    writeJson(loc, r);
    return r.fix();
  }

  /** The ranking, when one was made (for the model's prompt). */
  Optional<Localization> localization() {
    return localized == null ? Optional.empty() : Optional.of(localized.localization());
  }

  /** What the report says of localization; null when the tier never ran. */
  HealReport.Localization report() {
    return report;
  }

  private Optional<Fix> off(String why, long start) {
    notices.add(why);
    progress.done("localize", why);
    report = HealReport.Localization.not(why, (System.nanoTime() - start) / 1_000_000);
    return Optional.empty();
  }

  private static HealReport.Localization summary(
      Localization loc, long start, int tried, int survived) {
    List<HealReport.Localization.Suspect> top = new ArrayList<>();
    for (Suspect s : loc.top(10)) {
      top.add(
          new HealReport.Localization.Suspect(
              s.rank(),
              s.file(),
              s.line(),
              s.method(),
              Math.round(s.ochiai() * 1000) / 1000.0,
              s.changed(),
              s.inStack(),
              s.coveredByPassing()));
    }
    return new HealReport.Localization(
        true,
        null,
        loc.failingTests().size(),
        loc.passingTests().size(),
        top,
        (System.nanoTime() - start) / 1_000_000,
        tried,
        survived);
  }

  /** {@code runs/<id>/localize.json}: the top 50 lines with their spectra, the tests, the notes. */
  private void writeJson(Localization loc, LogicRepair.Report r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("module", loc.module());
    out.put("junit", loc.junit());
    out.put("failing_tests", loc.failingTests());
    out.put("passing_tests", loc.passingTests().size());
    List<Map<String, Object>> ranked = new ArrayList<>();
    for (Suspect s : loc.top(50)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", s.rank());
      m.put("file", s.file());
      m.put("line", s.line());
      m.put("method", s.method());
      m.put("ef", s.spectrum().ef());
      m.put("ep", s.spectrum().ep());
      m.put("ochiai", round(s.ochiai()));
      m.put("dstar", round(Math.min(s.spectrum().dstar(), 1e6)));
      m.put("tarantula", round(s.spectrum().tarantula()));
      m.put("changed", s.changed());
      m.put("in_stack", s.inStack());
      ranked.add(m);
    }
    out.put("ranked", ranked);
    out.put("notes", loc.notes());
    if (r != null) {
      Map<String, Object> rep = new LinkedHashMap<>();
      rep.put("candidates", r.candidates());
      rep.put("tried", r.tried());
      rep.put("did_not_compile", r.notCompiled());
      rep.put("hung", r.hung());
      rep.put("survived", r.survivors());
      rep.put("millis", r.millis());
      rep.put("summary", r.summary());
      r.fix().ifPresent(f -> rep.put("strategy", f.strategy()));
      out.put("repair", rep);
    }
    try {
      run.writeJson("localize.json", out);
    } catch (IOException e) {
      notices.add("localize.json could not be written: " + e.getMessage());
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Stops the worker. */
  @Override
  public void close() {
    if (localized != null) {
      localized.close();
    }
  }
}
