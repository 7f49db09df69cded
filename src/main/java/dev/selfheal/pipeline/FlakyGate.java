package dev.selfheal.pipeline;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.detect.Detection;
import dev.selfheal.model.Failure;
import dev.selfheal.validate.RunCheck;
import dev.selfheal.validate.TargetedCommand;
import dev.selfheal.validate.Validator;
import dev.selfheal.validate.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The flaky gate: failing tests that pass when re-run on the unchanged code are not healed. */
final class FlakyGate {
  private FlakyGate() {}

  /**
   * Re-runs the failing tests on the unchanged code; those that pass (and really ran) are flaky.
   */
  static List<Failure> run(
      Detection d0,
      String command,
      SelfhealConfig config,
      Workspace ws,
      Validator validator,
      Progress progress,
      Outcome o)
      throws IOException {
    List<Failure> tests = d0.failures().stream().filter(f -> f.test() != null).toList();
    if (tests.isEmpty()) {
      return d0.failures();
    }
    progress.start(
        "flaky", "re-running " + tests.size() + " failing test(s) on the unchanged code");
    List<TargetedCommand.Target> targets =
        tests.stream().map(f -> new TargetedCommand.Target(f.test(), f.file())).toList();
    Optional<RunCheck> rerun =
        validator.targeted(ws.repo(), command, config.targetedCommand(), targets, "flaky-check");
    RunCheck check =
        rerun.orElseGet(
            () -> {
              try {
                return RunCheck.of(
                    command,
                    validator.run(ws.repo(), command, "flaky-check"),
                    targets.stream().map(TargetedCommand.Target::id).toList());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    List<Failure> open = new ArrayList<>();
    for (Failure f : d0.failures()) {
      boolean passedNow =
          f.test() != null
              && check.executed().contains(f.test())
              && !check.failing().contains(f.test());
      if (passedNow) {
        o.flaky.add(f.test());
      } else {
        open.add(f);
      }
    }
    long ran = tests.stream().filter(f -> check.executed().contains(f.test())).count();
    String said;
    if (!o.flaky.isEmpty()) {
      said = o.flaky.size() + " passed on re-run: flaky";
    } else if (ran == 0) {
      // Nothing the reports show ran: no conclusion either way.
      said =
          "could not re-run them: the re-run (`"
              + check.command()
              + "`) executed none of them; they are taken as failing";
      o.notices.add("the flaky gate " + said);
    } else {
      said =
          ran == tests.size()
              ? "they fail again: not flaky"
              : ran + " of " + tests.size() + " re-ran and failed again; the others did not run";
    }
    progress.done("flaky", said);
    return open;
  }
}
