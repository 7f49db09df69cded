package dev.selfheal.detect;

import dev.selfheal.exec.CommandNotFoundException;
import dev.selfheal.exec.CommandResult;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.exec.CommandSpec;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the check command (or reads a log) and returns what failed, folded, with the evidence. */
public final class Detector {
  private final CommandRunner runner;

  public Detector(CommandRunner runner) {
    this.runner = runner;
  }

  public Detection detect(DetectRequest req) throws IOException, CommandNotFoundException {
    PathResolver paths = new PathResolver(new RepoFiles(req.repo()));
    if (req.logs() != null) {
      return fromLog(req.logs(), paths, null, List.of());
    }
    Map<Path, Reports.Stamp> before = Reports.snapshot(req.repo());
    CommandResult run =
        runner.run(CommandSpec.of(req.command(), req.repo(), req.timeout(), req.runLog()));
    List<String> notices = new ArrayList<>();
    List<Failure> fromReports = new ArrayList<>();
    List<TestOutcome> outcomes = new ArrayList<>();
    ParseContext ctx = new ParseContext(paths);
    for (Path report : Reports.writtenSince(req.repo(), before)) {
      JUnitXmlReport.Result r = JUnitXmlReport.read(report, ctx);
      fromReports.addAll(r.failures());
      outcomes.addAll(r.outcomes());
      notices.addAll(r.warnings());
    }
    if (run.outputTruncated()) {
      notices.add(
          "the command printed "
              + run.outputBytes()
              + " bytes; only the first "
              + Files.size(run.output())
              + " were kept and read");
    }
    Detection fromLog = fromLog(run.output(), paths, run, fromReports);
    notices.addAll(fromLog.notices());
    if (outcomes.isEmpty()) {
      outcomes.addAll(fromLog.outcomes()); // a runner that writes no report, only its output
    }
    List<Failure> failures = new ArrayList<>(fromLog.failures());
    if (run.timedOut()) {
      failures.add(
          Failure.of(
              FailureKind.BUILD_ERROR,
              null,
              null,
              null,
              "command timed out after "
                  + req.timeout().toSeconds()
                  + " s and was killed with its process tree: "
                  + req.command(),
              null,
              tail(run.output()),
              null));
    } else if (!run.passed() && failures.isEmpty()) {
      failures.add(
          Failure.of(
              FailureKind.BUILD_ERROR,
              null,
              null,
              null,
              "command exited with "
                  + run.exitCode()
                  + " but no parser recognised the failure: "
                  + req.command(),
              null,
              tail(run.output()),
              null));
    }
    // A compile error stops a build before its tests; only a run that got past it should have run
    // some.
    if (outcomes.isEmpty()
        && fromLog.failures().isEmpty()
        && writesReports(req.command())
        && hasTests(paths)) {
      notices.add(
          "no test executed although the repository has tests (no fresh report was written);"
              + " an old Surefire (before 2.22) does not find JUnit 5 tests: declare maven-surefire-plugin 3.x");
    }
    return new Detection(Folding.fold(failures), outcomes, run, notices, fromLog.logLines());
  }

  private static Detection fromLog(
      Path log, PathResolver paths, CommandResult run, List<Failure> reported) throws IOException {
    try (InputStream in = Files.newInputStream(log)) {
      LogScan.Result r = LogScan.scan(in, paths);
      List<Failure> all = new ArrayList<>(reported);
      all.addAll(r.failures());
      List<String> notices = new ArrayList<>();
      if (r.testsRanZero() && run == null && hasTests(paths)) {
        notices.add("the log says no test ran (Tests run: 0) although the repository has tests");
      }
      return new Detection(Folding.fold(all), r.outcomes(), run, notices, r.lines());
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(log.toString(), null, "log file not found");
    }
  }

  private static boolean hasTests(PathResolver paths) {
    return paths.files().all().stream()
        .anyMatch(
            f ->
                f.contains("src/test/")
                    || f.matches(".*(^|/)test_[^/]*\\.py$")
                    || f.matches(".*\\.(test|spec)\\.[jt]sx?$"));
  }

  private static boolean writesReports(String command) {
    return BuildTool.ofCommand(command)
            .map(t -> t != BuildTool.NPM && t != BuildTool.PYTEST)
            .orElse(false)
        && command.matches(".*\\b(verify|test|check|install|package|build)\\b.*")
        && !command.contains("skipTests")
        && !command.contains("-x test");
  }

  /** The last lines of a log, for a failure no parser explained. */
  private static String tail(Path log) throws IOException {
    long size = Files.size(log);
    int want = (int) Math.min(size, 4000);
    byte[] buf = new byte[want];
    try (var ch = Files.newByteChannel(log)) {
      ch.position(size - want);
      var bb = java.nio.ByteBuffer.wrap(buf);
      while (bb.hasRemaining() && ch.read(bb) > 0) {
        // read fully
      }
    }
    String s = new String(buf, java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = s.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
  }
}
