package dev.selfheal.pipeline;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.detect.TestOutcome;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.fix.DependencyIndex;
import dev.selfheal.fix.EditWriter;
import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.JdkTypes;
import dev.selfheal.fix.LlmFixer;
import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.guard.GuardInput;
import dev.selfheal.guard.Guardrails;
import dev.selfheal.guard.Violation;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Patch;
import dev.selfheal.validate.RunCheck;
import dev.selfheal.validate.Validator;
import dev.selfheal.validate.Workspace;
import dev.selfheal.vcs.BreakingChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fix → guard → validate, with retries: each round takes, for every failure still open, the best
 * candidate not yet tried, applies them together in the workspace, guards the combined diff,
 * re-runs the failing tests, then the full command. A round whose fixes cleared the failures it
 * aimed at but uncovered new ones (javac reports in phases) is kept, and the next round takes the
 * new ones.
 */
final class HealLoop {
  private static final int MAX_ROUNDS = 8;
  private final Workspace ws;
  private final Validator validator;
  private final SelfhealConfig config;
  private final String command;
  private final RecipeRunner recipes;
  private final JdkTypes jdk;
  private final DependencyIndex deps;
  private final Progress progress;
  private final CommandRunner runner;
  private final Path logs;
  private final Path stateDir;
  final Set<String> harness;

  final List<Fix> accepted = new ArrayList<>();
  final List<Violation> violations = new ArrayList<>();
  final List<String> notices = new ArrayList<>();
  int attempts;
  boolean candidateExisted;
  boolean refusedByGuard;
  boolean belowConfidence;
  String lastProblem;
  HealReport.Targeted targeted;
  Validator.FullCheck full;

  /** Failures the accepted fix uncovered, not caused: pre-existing or flaky. */
  final List<HealReport.Surfaced> surfaced = new ArrayList<>();

  /** The first candidate a guardrail refused: shown to a person, never applied. */
  HealReport.Refused refused;

  private RunCheck lastTargeted;
  private LlmStep llm;
  Patch patch = Patch.EMPTY;
  long fixMillis;
  long validateMillis;

  HealLoop(
      Workspace ws,
      Validator validator,
      SelfhealConfig config,
      String command,
      RecipeRunner recipes,
      JdkTypes jdk,
      DependencyIndex deps,
      Progress progress,
      CommandRunner runner,
      Path logs,
      Path stateDir) {
    this.ws = ws;
    this.validator = validator;
    this.config = config;
    this.command = command;
    this.recipes = recipes;
    this.jdk = jdk;
    this.deps = deps;
    this.progress = progress;
    this.runner = runner;
    this.logs = logs;
    this.stateDir = stateDir;
    this.harness = dev.selfheal.guard.TestHarness.of(ws.repo(), command);
  }

  /** True when a validated patch exists. */
  boolean run(List<Failure> failures, List<TestOutcome> before) throws IOException {
    List<Failure> open = failures;
    Set<String> tried = new HashSet<>();
    // A retry is a round thrown away; a round that made progress (its failures cleared, new ones
    // surfaced, or a test got further) is built on and does not count, up to a hard cap.
    int retries = 0;
    for (int round = 0; retries <= config.safety().maxRetries() && round < MAX_ROUNDS; round++) {
      long t0 = System.nanoTime();
      Optional<List<Fix>> chosen = choose(open, tried);
      fixMillis += (System.nanoTime() - t0) / 1_000_000;
      if (chosen.isEmpty()) {
        return false;
      }
      List<Fix> fixes = chosen.get();
      fixes.forEach(f -> tried.add(FixSets.signature(f)));
      progress.note("fix", "round " + (round + 1) + ": " + FixSets.describe(fixes));
      // Guard before any write: the candidate is judged on the texts it would produce, and only
      // a candidate every guardrail allows reaches the disk.
      Map<String, String> texts;
      List<Fix> all = new ArrayList<>(accepted);
      all.addAll(fixes);
      List<Violation> v;
      try {
        texts =
            EditWriter.preview(ws.repo(), fixes.stream().flatMap(f -> f.edits().stream()).toList());
        patch = patchOf(all, texts);
        v =
            Guardrails.check(
                new GuardInput(
                    all, patch, ws.repo(), config.safety(), FixSets.intended(all), harness));
      } catch (EditWriter.EditRejected e) {
        List<Violation> refused = Guardrails.pathsOf(all, config.safety(), ws.repo());
        if (!refused.isEmpty()) {
          texts = Map.of();
          v = refused;
        } else {
          lastProblem = "the edits could not be applied: " + e.getMessage();
          patch = patchOf(accepted, Map.of());
          retries++;
          continue;
        }
      }
      if (!v.isEmpty()) {
        violations.addAll(v);
        if (refused == null) {
          refused =
              new HealReport.Refused(
                  all,
                  new HealReport.PatchSummary(
                      patch.filesChanged(), patch.linesChanged(), patch.diff()),
                  v,
                  Refusals.allowedBy(v, patch, all).orElse(null));
        }
        boolean onlyConfidence = v.stream().allMatch(x -> x.rule() == Violation.Rule.CONFIDENCE);
        belowConfidence |= onlyConfidence;
        refusedByGuard |= !onlyConfidence;
        progress.note(
            "guard",
            "refused: "
                + v.get(0).detail()
                + (v.size() > 1 ? " (+" + (v.size() - 1) + " more)" : ""));
        lastProblem = "refused by guardrails";
        patch = patchOf(accepted, Map.of());
        retries++;
        continue;
      }
      try {
        EditWriter.write(ws.repo(), texts);
      } catch (EditWriter.EditRejected e) {
        lastProblem = "the edits could not be applied: " + e.getMessage();
        discardRound();
        retries++;
        continue;
      }
      attempts++;
      long v0 = System.nanoTime();
      boolean ok = validate(open, fixes, before);
      validateMillis += (System.nanoTime() - v0) / 1_000_000;
      if (ok) {
        accepted.addAll(fixes);
        return true;
      }
      Set<String> aimed = new HashSet<>();
      fixes.forEach(f -> aimed.addAll(f.fingerprints()));
      if (full != null) {
        Optional<List<HealReport.Surfaced>> uncovered =
            Uncovered.judge(
                full,
                aimed,
                before,
                ws,
                validator,
                command,
                config.targetedCommand(),
                stateDir,
                progress,
                runner,
                logs.getFileName().toString());
        if (uncovered.isPresent()) {
          surfaced.addAll(uncovered.get());
          lastProblem = null;
          accepted.addAll(fixes);
          return true;
        }
      }
      Optional<List<Failure>> further = Advance.furtherAlong(lastTargeted, open, aimed);
      if (further.isPresent()) {
        ws.keep("selfheal: " + FixSets.describe(fixes));
        accepted.addAll(fixes);
        open = further.get();
        progress.note(
            "validate",
            "the failing test(s) got past the fixed line and now fail further on; taking that next");
        continue;
      }
      List<Failure> now = full == null ? List.of() : full.detection().failures();
      boolean cleared =
          full != null
              && now.stream().noneMatch(f -> aimed.contains(f.fingerprint()))
              && !now.isEmpty()
              && full.newlyFailing().isEmpty();
      if (cleared) {
        ws.keep("selfheal: " + FixSets.describe(fixes));
        accepted.addAll(fixes);
        open = now;
        progress.note(
            "fix", "keeping that fix; taking the " + now.size() + " other failure(s) next");
      } else {
        discardRound();
        retries++;
      }
    }
    return false;
  }

  private boolean validate(List<Failure> open, List<Fix> fixes, List<TestOutcome> before)
      throws IOException {
    RoundCheck.Result r =
        new RoundCheck(ws, validator, config, command, progress)
            .run(open, fixes, before, attempts, targeted);
    lastTargeted = r.lastTargeted();
    targeted = r.targeted();
    full = r.full();
    lastProblem = r.problem();
    return r.passed();
  }

  /**
   * The best untried candidate for every open failure; empty when some failure has none. A failure
   * whose best fix is one already chosen (two errors, one missing import) joins it; a second fix to
   * a file already being changed is computed against the changed text.
   */
  private Optional<List<Fix>> choose(List<Failure> open, Set<String> tried) throws IOException {
    FixContext ctx =
        new FixContext(ws.repo(), jdk, breakingChange())
            .withOpenFailures(open)
            .withRunner(runner, logs)
            .withDependencies(deps);
    Map<String, Fix> bySignature = new LinkedHashMap<>();
    Map<String, String> pending = new LinkedHashMap<>();
    List<Failure> unexplained = new ArrayList<>();
    for (Failure f : open) {
      Fix pick = firstUntried(recipes.candidates(f, ctx), tried);
      if (pick != null && bySignature.containsKey(FixSets.signature(pick))) {
        Fix joined = bySignature.get(FixSets.signature(pick));
        List<String> fps = new ArrayList<>(joined.fingerprints());
        pick.fingerprints().stream().filter(fp -> !fps.contains(fp)).forEach(fps::add);
        bySignature.put(
            FixSets.signature(pick),
            new Fix(fps, joined.diagnosis(), joined.strategy(), joined.edits()));
        continue;
      }
      if (pick != null && pick.edits().stream().anyMatch(e -> pending.containsKey(e.file()))) {
        pick = firstUntried(recipes.candidates(f, ctx.withPending(pending)), tried);
      }
      if (pick == null) {
        // Perhaps a consequence of another failure (a use of a type whose import is broken):
        // the round goes on with the others, and validation shows whether this one remains.
        unexplained.add(f);
        continue;
      }
      try {
        pending.putAll(EditWriter.preview(ws.repo(), pending, pick.edits()));
      } catch (EditWriter.EditRejected e) {
        notices.add(pick.strategy() + " proposed an edit that does not apply: " + e.getMessage());
        return Optional.empty();
      }
      bySignature.put(FixSets.signature(pick), pick);
    }
    if (bySignature.isEmpty() && logic != null) {
      Optional<Fix> f = logic.propose(open, ctx);
      notices.addAll(logic.notices);
      logic.notices.clear();
      if (f.isPresent() && !tried.contains(FixSets.signature(f.get()))) {
        candidateExisted = true;
        return Optional.of(List.of(f.get()));
      }
      logic.localization().ifPresent(ctx::withLocalization);
    }
    if (bySignature.isEmpty() && llm != null) {
      return askLlm(open, tried, ctx);
    }
    if (bySignature.isEmpty()) {
      Failure f = unexplained.get(0);
      lastProblem =
          lastProblem != null
              ? lastProblem
              : "no recipe fits "
                  + (f.test() != null
                      ? f.test()
                      : f.file() + ": " + f.message().lines().findFirst().orElse(""))
                  + (declined == null ? "" : " (" + declined + ")");
      return Optional.empty();
    }
    if (!unexplained.isEmpty()) {
      progress.note(
          "fix",
          unexplained.size()
              + " failure(s) without a candidate of their own;"
              + " fixing the others first, which may explain them");
    }
    return Optional.of(new ArrayList<>(bySignature.values()));
  }

  private BreakingChange change;

  /** Why a recipe that recognised a failure would not fix it, for the heal's message. */
  private String declined;

  /** Turns the logic tier on for failing tests no recipe fits. */
  HealLoop withLogic(LogicStep step) {
    this.logic = step;
    return this;
  }

  private LogicStep logic;

  /** Turns the escalation tier on for failures no recipe fits. */
  HealLoop withLlm(LlmFixer fixer) {
    this.llm = new LlmStep(fixer, progress);
    return this;
  }

  /**
   * The model's fix for failures no recipe fits; on a retry it sees its last edits and why
   * validation rejected them.
   */
  private Optional<List<Fix>> askLlm(List<Failure> open, Set<String> tried, FixContext ctx) {
    LlmStep.Answer a = llm.ask(open, tried, ctx, lastProblem, FixSets::signature);
    if (a.fix().isPresent()) {
      candidateExisted = true;
      return Optional.of(List.of(a.fix().get()));
    }
    notices.add(a.notice());
    lastProblem = a.problem();
    return Optional.empty();
  }

  /** Diagnoses the model gave without a fix (llm.send_source: false). */
  List<dev.selfheal.model.Diagnosis> llmDiagnoses() {
    return llm == null ? List.of() : llm.diagnoses;
  }

  /**
   * The breaking change with paths relative to the repository (it may be a sub-folder of git's
   * tree).
   */
  private BreakingChange breakingChange() {
    if (change == null) {
      change =
          Advance.relative(
              ws.breakingChange(), ws.root().relativize(ws.repo()).toString().replace('\\', '/'));
    }
    return change;
  }

  private Fix firstUntried(RecipeRunner.Result r, Set<String> tried) {
    notices.addAll(r.problems());
    if (r.candidates().isEmpty() && !r.declined().isEmpty()) {
      declined = String.join("; ", r.declined());
    }
    candidateExisted |= !r.candidates().isEmpty();
    for (Fix c : r.candidates()) {
      if (!tried.contains(FixSets.signature(c))) {
        return c;
      }
    }
    return null;
  }

  /** Back to the last kept state: this round's edits undone, the patch that of the fixes kept. */
  private void discardRound() throws IOException {
    ws.reset();
    patch = patchOf(accepted, Map.of());
  }

  /**
   * The diff, from the run's start, of every file the given fixes edit: a file's text is the one
   * given in {@code pending} (a candidate not yet written), else what the workspace holds (the
   * fixes kept so far). Only paths a preview or an earlier round accepted are read.
   */
  private Patch patchOf(List<Fix> fixes, Map<String, String> pending) throws IOException {
    Set<String> touched = new LinkedHashSet<>();
    fixes.forEach(f -> f.edits().forEach(e -> touched.add(e.file())));
    Map<String, String[]> files = new LinkedHashMap<>();
    for (String f : touched) {
      String now = pending.containsKey(f) ? pending.get(f) : current(f);
      files.put(f, new String[] {ws.original(f), now});
    }
    return PatchBuilder.build(files);
  }

  private String current(String file) throws IOException {
    try {
      java.nio.file.Path p = dev.selfheal.model.RepoPath.inside(ws.repo(), file);
      return java.nio.file.Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          ? java.nio.file.Files.readString(p)
          : null;
    } catch (dev.selfheal.model.RepoPath.Refused r) {
      return null;
    }
  }
}
