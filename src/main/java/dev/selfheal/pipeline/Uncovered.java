package dev.selfheal.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.selfheal.detect.TestOutcome;
import dev.selfheal.model.Failure;
import dev.selfheal.validate.RunCheck;
import dev.selfheal.validate.TargetedCommand;
import dev.selfheal.validate.Validator;
import dev.selfheal.validate.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A failure the fix merely uncovered is not the fix's fault. When a fix clears what it aimed at and
 * lets a suite run that could not run before (a compile error hid it), tests that fail now may have
 * failed all along. Before the candidate is blamed, each is re-run once on the fixed code (one that
 * passes is flaky) and run on the last commit where the suite ran, in a second workspace (one that
 * fails there too was failing before the change). Only when every surfaced failure is one or the
 * other does the fix stand; the report and the PR name them.
 */
final class Uncovered {
  private Uncovered() {}

  static Optional<List<HealReport.Surfaced>> judge(
      Validator.FullCheck full,
      Set<String> aimed,
      List<TestOutcome> before,
      Workspace ws,
      Validator validator,
      String command,
      String template,
      Path stateDir,
      Progress progress,
      dev.selfheal.exec.CommandRunner runner,
      String runId)
      throws IOException {
    List<Failure> now = full.detection().failures();
    if (now.isEmpty() || !full.newlyFailing().isEmpty()) {
      return Optional.empty();
    }
    Set<String> passedBefore = new java.util.HashSet<>();
    before.stream()
        .filter(o -> o.result() == TestOutcome.Result.PASSED)
        .forEach(o -> passedBefore.add(o.id()));
    for (Failure f : now) {
      if (f.test() == null || aimed.contains(f.fingerprint()) || passedBefore.contains(f.test())) {
        return Optional.empty(); // not a test the fix let run for the first time
      }
    }
    List<TargetedCommand.Target> targets =
        now.stream().map(f -> new TargetedCommand.Target(f.test(), f.file())).distinct().toList();
    progress.start(
        "validate",
        targets.size()
            + " test(s) fail that could not run before the fix; checking whether it"
            + " caused them");
    List<HealReport.Surfaced> out = new ArrayList<>();
    Optional<RunCheck> again =
        validator.targeted(ws.repo(), command, template, targets, "surfaced-rerun");
    List<TargetedCommand.Target> left = new ArrayList<>();
    for (TargetedCommand.Target t : targets) {
      if (again.isPresent()
          && again.get().executed().contains(t.id())
          && !again.get().failing().contains(t.id())) {
        out.add(new HealReport.Surfaced(t.id(), "flaky"));
      } else {
        left.add(t);
      }
    }
    if (!left.isEmpty()) {
      Map<String, Boolean> failedBefore =
          beforeTheChange(ws, validator, command, template, left, stateDir, runner, runId);
      for (TargetedCommand.Target t : left) {
        if (!Boolean.TRUE.equals(failedBefore.get(t.id()))) {
          progress.done(
              "validate", t.id() + " did not fail before the change: the fix is blamed for it");
          return Optional.empty();
        }
        out.add(new HealReport.Surfaced(t.id(), "pre_existing"));
      }
    }
    progress.done(
        "validate",
        "the " + out.size() + " surfaced failure(s) were there before the fix or are flaky");
    return Optional.of(out);
  }

  /**
   * For each test, whether it failed on the commit before the change (absent: it did not run
   * there). Cached per commit in the state folder, so later heals of the same range reuse it.
   */
  private static Map<String, Boolean> beforeTheChange(
      Workspace ws,
      Validator validator,
      String command,
      String template,
      List<TargetedCommand.Target> targets,
      Path stateDir,
      dev.selfheal.exec.CommandRunner runner,
      String runId)
      throws IOException {
    Map<String, Boolean> result = new HashMap<>();
    Optional<Workspace> opened = ws.beforeTheChange(stateDir, runId, runner);
    if (opened.isEmpty()) {
      return result;
    }
    try (Workspace base = opened.get()) {
      Path cache = stateDir.resolve("baseline").resolve(base.baseCommit() + ".json");
      Map<String, Boolean> known = read(cache);
      List<TargetedCommand.Target> unknown =
          targets.stream().filter(t -> !known.containsKey(t.id())).toList();
      if (!unknown.isEmpty()) {
        Optional<RunCheck> r =
            validator.targeted(base.repo(), command, template, unknown, "surfaced-before");
        RunCheck check =
            r.orElseGet(
                () -> {
                  try {
                    return RunCheck.of(
                        command,
                        validator.run(base.repo(), command, "surfaced-before"),
                        unknown.stream().map(TargetedCommand.Target::id).toList());
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        for (TargetedCommand.Target t : unknown) {
          if (check.executed().contains(t.id())) {
            known.put(t.id(), check.failing().contains(t.id()));
          }
        }
        write(cache, known);
      }
      targets.forEach(t -> result.put(t.id(), known.get(t.id())));
    }
    return result;
  }

  private static Map<String, Boolean> read(Path cache) {
    try {
      return Files.isRegularFile(cache)
          ? new HashMap<>(
              Json.mapper().readValue(cache.toFile(), new TypeReference<Map<String, Boolean>>() {}))
          : new HashMap<>();
    } catch (IOException e) {
      return new HashMap<>(); // a cache that cannot be read is a cache that is not there
    }
  }

  private static void write(Path cache, Map<String, Boolean> known) {
    try {
      RunDir.writeAtomically(cache, Json.mapper().writeValueAsString(known));
    } catch (IOException e) {
      // only a cache
    }
  }
}
