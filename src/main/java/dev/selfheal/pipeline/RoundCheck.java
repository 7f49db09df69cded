package dev.selfheal.pipeline;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.detect.TestOutcome;
import dev.selfheal.fix.logic.LogicRepair;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.validate.RunCheck;
import dev.selfheal.validate.TargetedCommand;
import dev.selfheal.validate.Validator;
import dev.selfheal.validate.Workspace;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One round's validation: the failing tests re-run targeted (the failing test ids, narrowed the way
 * the build allows), then the full command; a build that cannot be narrowed, or a logic-tier fix
 * whose failing tests already passed in the warm worker, has the full run stand for the failing
 * tests too. Says each step on the progress line.
 */
final class RoundCheck {
  /**
   * @param lastTargeted the targeted run, when there was one
   * @param targeted what the report says of the failing tests' re-run (kept from an earlier round
   *     when this one had none)
   * @param full the full run, when it got that far
   */
  record Result(
      boolean passed,
      RunCheck lastTargeted,
      HealReport.Targeted targeted,
      Validator.FullCheck full,
      String problem) {}

  private final Workspace ws;
  private final Validator validator;
  private final SelfhealConfig config;
  private final String command;
  private final Progress progress;

  RoundCheck(
      Workspace ws, Validator validator, SelfhealConfig config, String command, Progress progress) {
    this.ws = ws;
    this.validator = validator;
    this.config = config;
    this.command = command;
    this.progress = progress;
  }

  Result run(
      List<Failure> open,
      List<Fix> fixes,
      List<TestOutcome> before,
      int attempts,
      HealReport.Targeted targeted)
      throws IOException {
    RunCheck lastTargeted = null;
    String lastProblem;
    List<TargetedCommand.Target> targets =
        open.stream()
            .filter(f -> f.test() != null)
            .map(f -> new TargetedCommand.Target(f.test(), f.file()))
            .toList();
    if (!targets.isEmpty() && checkedInWorker(fixes)) {
      // The warm worker already ran these tests against the candidate (the cheap gate): the full
      // run's fresh reports are their evidence, as for a build that cannot be narrowed. A targeted
      // run of an earlier round says nothing of this one.
      targeted = null;
    } else if (!targets.isEmpty()) {
      progress.start("validate", "re-running " + targets.size() + " failing test(s)");
      Optional<RunCheck> t =
          validator.targeted(
              ws.repo(), command, config.targetedCommand(), targets, "targeted-" + attempts);
      if (t.isPresent()) {
        RunCheck r = t.get();
        lastTargeted = r;
        targeted =
            new HealReport.Targeted(
                r.allTargetsPassed(), r.targets(), r.executed().size(), r.command());
        if (!r.allTargetsPassed()) {
          lastProblem =
              r.executed().size() < r.targets().size()
                  ? "the targeted run did not execute "
                      + (r.targets().size() - r.executed().size())
                      + " of the failing tests"
                  : "still failing: " + String.join(", ", r.failing());
          progress.done("validate", lastProblem);
          return new Result(false, lastTargeted, targeted, null, lastProblem);
        }
        progress.done("validate", "the failing tests pass");
      }
    }
    progress.start("validate", "running the full command: " + command);
    Validator.FullCheck full = validator.full(ws.repo(), command, before, "full-" + attempts);
    if (targeted == null && !targets.isEmpty()) {
      // No way to narrow this build: the full run is the evidence for the failing tests too.
      RunCheck r =
          RunCheck.of(
              command, full.detection(), targets.stream().map(TargetedCommand.Target::id).toList());
      targeted =
          new HealReport.Targeted(r.allTargetsPassed(), r.targets(), r.executed().size(), command);
      if (!r.allTargetsPassed()) {
        lastProblem = "the failing tests did not run and pass in the full command";
        progress.done("validate", lastProblem);
        return new Result(false, lastTargeted, targeted, full, lastProblem);
      }
    }
    progress.done("validate", fullSaid(full, fixes));
    return new Result(full.passed(), lastTargeted, targeted, full, full.problem());
  }

  /**
   * Whether every fix of the round is the logic tier's, whose failing tests passed in its worker.
   */
  private static boolean checkedInWorker(List<Fix> fixes) {
    return !fixes.isEmpty()
        && fixes.stream().allMatch(f -> f.strategy().startsWith(LogicRepair.ID + ":"));
  }

  /** One line on the full run, told against what the fixes aimed at (never two that disagree). */
  private static String fullSaid(Validator.FullCheck full, List<Fix> fixes) {
    if (full.passed()) {
      return "passes: " + full.testsRun() + " tests ran, none newly failing";
    }
    Set<String> aimed = new HashSet<>();
    fixes.forEach(f -> aimed.addAll(f.fingerprints()));
    List<Failure> now = full.detection().failures();
    long still = now.stream().filter(f -> aimed.contains(f.fingerprint())).count();
    if (still > 0) {
      return still + " of the failure(s) the fix aimed at remain";
    }
    if (!now.isEmpty()) {
      return "the failure(s) the fix aimed at are gone; " + now.size() + " other(s) fail now";
    }
    return full.problem();
  }
}
