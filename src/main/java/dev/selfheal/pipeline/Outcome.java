package dev.selfheal.pipeline;

import dev.selfheal.guard.Violation;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Patch;
import dev.selfheal.model.Status;
import dev.selfheal.validate.Validator;
import java.util.ArrayList;
import java.util.List;

/** What a heal has found so far, gathered stage by stage, then turned into the report. */
final class Outcome {
  final String repo;
  final String command;
  String baseCommit;
  Status status;
  String message;
  List<Failure> failures = List.of();
  final List<Diagnosis> diagnoses = new ArrayList<>();
  final List<Fix> fixes = new ArrayList<>();
  final List<Violation> violations = new ArrayList<>();
  final List<String> flaky = new ArrayList<>();
  final List<String> notices = new ArrayList<>();
  Patch patch = Patch.EMPTY;
  int attempts;
  int runs;
  long commandMillis;
  HealReport.Targeted targeted;
  Validator.FullCheck full;
  String lastProblem;
  boolean applied;
  String branch;
  String prUrl;
  HealReport.Llm llm = HealReport.Llm.NONE;
  HealReport.Refused refused;
  final List<HealReport.Surfaced> preExisting = new ArrayList<>();
  HealReport.Localization localization;

  /** A patch passed validation: only then do the report's fixes and patch mean anything. */
  boolean validated;

  HealReport.DeliveryMode mode = HealReport.DeliveryMode.DRY_RUN;
  final long[] timings = new long[6];

  Outcome(String repo, String command) {
    this.repo = repo;
    this.command = command;
  }

  void finish(Status s, String why) {
    status = s;
    message = why;
  }

  void absorb(HealLoop loop) {
    fixes.addAll(loop.accepted);
    violations.addAll(loop.violations);
    notices.addAll(loop.notices);
    attempts = loop.attempts;
    targeted = loop.targeted;
    full = loop.full;
    lastProblem = loop.lastProblem;
    patch = loop.patch;
    preExisting.addAll(loop.surfaced);
  }

  /** The workspace's folders: never shown in a diagnosis (they mean nothing to a reader). */
  final List<String> workspaceRoots = new ArrayList<>();

  private Diagnosis scrub(Diagnosis d) {
    String root = d.rootCause();
    String why = d.reasoning();
    for (String w : workspaceRoots) {
      root = root.replace(w + "/", "").replace(w, ".");
      why = why.replace(w + "/", "").replace(w, ".");
    }
    return root.equals(d.rootCause()) && why.equals(d.reasoning())
        ? d
        : new Diagnosis(root, d.failureType(), d.affectedFiles(), d.confidence(), why, d.source());
  }

  private Fix scrub(Fix f) {
    Diagnosis d = scrub(f.diagnosis());
    return d == f.diagnosis() ? f : new Fix(f.fingerprints(), d, f.strategy(), f.edits());
  }

  HealReport report(Environment env) {
    HealReport.Full f =
        full == null
            ? null
            : new HealReport.Full(full.passed(), full.testsRun(), full.newlyFailing());
    return new HealReport(
        HealReport.SCHEMA,
        status,
        message,
        repo,
        command,
        baseCommit,
        failures,
        diagnoses.stream().map(this::scrub).toList(),
        validated ? fixes.stream().map(this::scrub).toList() : List.of(),
        validated
            ? new HealReport.PatchSummary(patch.filesChanged(), patch.linesChanged(), patch.diff())
            : new HealReport.PatchSummary(0, 0, ""),
        new HealReport.Guardrails(violations.isEmpty(), violations),
        new HealReport.Validation(attempts, flaky, targeted, f, runs, commandMillis, lastProblem),
        new HealReport.Delivery(mode, branch, prUrl, applied),
        new HealReport.Timings(
            timings[0], timings[1], timings[2], timings[3], timings[4], timings[5]),
        llm,
        notices,
        dev.selfheal.model.SelfhealVersion.current(),
        validated ? null : refused,
        preExisting,
        localization);
  }
}
