package dev.selfheal.pipeline;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.deliver.Delivery;
import dev.selfheal.detect.DetectRequest;
import dev.selfheal.detect.Detection;
import dev.selfheal.detect.Detector;
import dev.selfheal.diagnose.RuleDiagnoser;
import dev.selfheal.exec.CommandNotFoundException;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.fix.DependencyIndex;
import dev.selfheal.fix.JdkTypes;
import dev.selfheal.fix.LlmFixer;
import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.guard.GuardInput;
import dev.selfheal.guard.Guardrails;
import dev.selfheal.guard.Violation;
import dev.selfheal.llm.LlmSession;
import dev.selfheal.llm.LlmSettings;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Patch;
import dev.selfheal.model.Status;
import dev.selfheal.validate.Validator;
import dev.selfheal.validate.Workspace;
import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * `selfheal heal`: detect → diagnose → fix → guard → validate → deliver, in an isolated workspace.
 */
public final class HealPipeline {
  private final Environment env;
  private final RecipeRunner recipes;
  private final JdkTypes jdk;

  public HealPipeline(Environment env) {
    this(env, RecipeRunner.standard());
  }

  public HealPipeline(Environment env, RecipeRunner recipes) {
    this.env = env;
    this.recipes = recipes;
    this.jdk = new JdkTypes(env.stateDir().resolve("index"));
  }

  public record Result(HealReport report, Patch patch, RunDir run) {}

  /** The recipes a heal tries, by id: part of what an eval scorecard says produced it. */
  public static List<String> recipeIds() {
    return dev.selfheal.fix.recipes.Recipes.all().stream().map(r -> r.id()).toList();
  }

  public Result heal(HealRequest req, Progress progress) throws UsageException, IOException {
    long start = System.nanoTime();
    java.time.Instant startedAt = env.clock().instant();
    Path repo = Repo.require(req.repo());
    TrustedConfig.Choice trusted =
        req.configFile() == null
            ? TrustedConfig.choose(
                env,
                repo,
                env.stateDir().resolve("config"),
                req.mode() == HealReport.DeliveryMode.PR)
            : new TrustedConfig.Choice(Optional.empty(), Optional.empty());
    SelfhealConfig config = DetectService.loadConfig(repo, trusted.file().orElse(req.configFile()));
    String command = CheckCommand.choose(req.command(), config, repo);
    // Said before any build runs: a setting the LLM tier lacks is known now, not minutes later.
    progress.note("llm", LlmSettings.resolve(config.llm(), env.env(), req.noLlm()).reason());
    if (req.logs() != null && !java.nio.file.Files.isReadable(req.logs())) {
      throw new UsageException("--logs " + req.logs() + ": no such readable file");
    }
    if (req.logs() != null && req.githubRun() != null) {
      throw new UsageException("--logs and --github-run both name the failures: give one");
    }
    GitHubRun ci = GitHubRun.open(env, repo, req);
    PrTarget target = null;
    String refusal = null;
    if (req.mode() == HealReport.DeliveryMode.PR) {
      try {
        target =
            PrTarget.resolve(
                env,
                new Git(env.runner(), repo),
                ci.github().orElseThrow(),
                ci.run(),
                config.delivery().author());
      } catch (PrTarget.Refusal r) {
        refusal = r.getMessage();
      }
    }
    RunDir run = RunDir.create(env.stateDir(), env.clock(), env.redactor());
    Outcome o = new Outcome(repo.toString(), command);
    o.mode = req.mode();
    trusted.notice().ifPresent(o.notices::add);
    if (refusal != null) {
      progress.note("deliver", refusal);
      o.finish(Status.NOT_HEALED, refusal);
    } else {
      Path logs = req.logs() != null ? req.logs() : ci.downloadLogs(run.path(), progress);
      PrStep pr = target == null ? null : new PrStep(target, config.delivery(), env);
      if (pr != null) {
        pr.failedJobs(ci.failedJobs());
      }
      try (Workspace ws =
          Workspace.create(
              repo, env.stateDir(), run.path().getFileName().toString(), env.runner())) {
        o.baseCommit = ws.baseCommit();
        o.notices.addAll(ws.notices());
        o.workspaceRoots.add(ws.repo().toString());
        o.workspaceRoots.add(ws.root().toString());
        if (ws.baseCommit() == null) {
          o.notices.add(
              "not a git repository: without history there is no breaking change to read, so the"
                  + " change-based recipes (renames, moves, signatures, intended output changes)"
                  + " cannot apply; the others can");
          progress.note("heal", o.notices.get(o.notices.size() - 1));
        }
        ws.compareWith(ci.goodCommit(new Git(env.runner(), repo), o.notices));
        heal(req, logs, config, command, ws, run, progress, o, pr);
      } catch (CommandNotFoundException | Validator.ProgramMissing e) {
        throw new UsageException(e.getMessage());
      } finally {
        run.redactLogs();
      }
    }
    o.timings[5] = (System.nanoTime() - start) / 1_000_000;
    String branch =
        target != null
            ? target.branch()
            : ci.run()
                .map(dev.selfheal.github.WorkflowRun::headBranch)
                .orElseGet(() -> new Git(env.runner(), repo).currentBranch().orElse(null));
    Optional<String> unrecorded =
        req.rehearsal()
            ? Optional.empty()
            : Recorder.record(
                env, o.report(env), run.path().getFileName().toString(), startedAt, repo, branch);
    unrecorded.ifPresent(
        why -> {
          o.notices.add(why);
          progress.note("record", why);
        });
    HealReport report = o.report(env);
    run.writeJson("report.json", report);
    if (o.prUrl == null) {
      StepSummary.append(env, report);
    }
    if (req.reportFile() != null) {
      RunDir.writeAtomically(
          req.reportFile(), env.redactor().redact(Json.mapper().writeValueAsString(report)) + "\n");
    }
    return new Result(report, o.validated ? o.patch : Patch.EMPTY, run);
  }

  /**
   * A heal runs the build several times one after another (detect, the flaky gate, the targeted and
   * full checks): they run in a warm Maven JVM where that is exact (see {@code exec.WarmMaven}),
   * each after the first about twice as fast, unless {@code SELFHEAL_MAVEN_JVM=fresh} asks for a
   * process per build.
   */
  private void heal(
      HealRequest req,
      Path logs,
      SelfhealConfig config,
      String command,
      Workspace ws,
      RunDir run,
      Progress progress,
      Outcome o,
      PrStep pr)
      throws IOException, CommandNotFoundException, UsageException {
    boolean fresh = env.runner().warm() || "fresh".equals(env.env().get("SELFHEAL_MAVEN_JVM"));
    try (WarmBuilds jvms =
        fresh ? WarmBuilds.none(env) : WarmBuilds.start(env, run.path().resolve("jvms"))) {
      heal(req, logs, config, command, ws, run, progress, o, pr, jvms.env().runner());
    }
  }

  private void heal(
      HealRequest req,
      Path logs,
      SelfhealConfig config,
      String command,
      Workspace ws,
      RunDir run,
      Progress progress,
      Outcome o,
      PrStep pr,
      CommandRunner runner)
      throws IOException, CommandNotFoundException, UsageException {
    Validator validator =
        new Validator(runner, run.path(), config.timeouts().command())
            .watchedBy((label, log) -> progress.withEnv(env.env()).beat(stage(label), log));
    long t0 = System.nanoTime();
    List<Failure> fromCi = null;
    if (logs != null) {
      progress.start("detect", "reading the CI log " + logs);
      fromCi =
          new Detector(runner)
              .detect(new DetectRequest(ws.repo(), null, logs, null, null))
              .failures();
      progress.done("detect", fromCi.size() + " failure(s) in the CI log; reproducing them here");
    }
    progress.start(
        "detect",
        "running `"
            + command
            + "` in an isolated copy ("
            + ws.root()
            + "); its output: "
            + run.path().resolve("detect.log"));
    Detection d0 = validator.run(ws.repo(), command, "detect");
    o.timings[0] = (System.nanoTime() - t0) / 1_000_000;
    o.runs = validator.runs();
    o.commandMillis = validator.commandMillis();
    o.failures = d0.failures();
    o.notices.addAll(d0.notices());
    run.writeJson("detect.json", d0.failures());
    progress.done(
        "detect",
        d0.run().timedOut()
            ? "timed out"
            : "exit " + d0.run().exitCode() + ", " + d0.failures().size() + " failure(s)");
    if (fromCi != null) {
      Set<String> here =
          d0.failures().stream().map(Failure::fingerprint).collect(Collectors.toSet());
      if (!fromCi.isEmpty() && fromCi.stream().noneMatch(f -> here.contains(f.fingerprint()))) {
        o.failures = fromCi;
        o.finish(
            Status.NOT_REPRODUCED, "none of the CI log's failures fails here; nothing was changed");
        return;
      }
    }
    if (d0.passed()) {
      o.finish(Status.NO_FAILURE, "the command passes; nothing to heal");
      return;
    }
    List<Failure> open = FlakyGate.run(d0, command, config, ws, validator, progress, o);
    if (open.isEmpty()) {
      o.finish(
          Status.FLAKY,
          "every failing test passed when re-run on the unchanged code: "
              + String.join(", ", o.flaky)
              + "; nothing was changed");
      o.runs = validator.runs();
      o.commandMillis = validator.commandMillis();
      return;
    }
    if (pr != null) {
      Optional<String> stop = pr.gate(open, o.notices);
      if (stop.isPresent()) {
        progress.note("deliver", stop.get());
        o.finish(Status.NOT_HEALED, stop.get());
        return;
      }
    }
    long t1 = System.nanoTime();
    for (Failure f : open) {
      Diagnosis d = RuleDiagnoser.diagnose(f);
      o.diagnoses.add(d);
      progress.note("diagnose", d.failureType().wire() + ": " + d.rootCause());
    }
    o.timings[1] = (System.nanoTime() - t1) / 1_000_000;
    run.writeJson("diagnose.json", o.diagnoses);
    LlmSettings.Resolution tier = LlmSettings.resolve(config.llm(), env.env(), req.noLlm());
    Optional<LlmSession> session =
        req.noLlm()
            ? Optional.empty()
            : LlmSession.open(tier, env.env(), env.redactor(), config.llm().maxCostUsdPerHeal());
    o.notices.add(
        session.isPresent() && tier.settings().isEmpty()
            ? "the LLM tier replays recorded answers"
            : tier.reason());
    DependencyIndex deps =
        DependencyIndex.maven(runner, ws.repo(), env.stateDir().resolve("index"), run.path());
    HealLoop loop =
        new HealLoop(
            ws,
            validator,
            config,
            command,
            recipes,
            jdk,
            deps,
            progress,
            runner,
            run.path(),
            env.stateDir());
    session.ifPresent(
        s ->
            loop.withLlm(new LlmFixer(s, config.llm().sendSource(), config.safety()::isForbidden)));
    boolean healed;
    try (LogicStep logic =
        new LogicStep(config.repair(), runner, deps, ws.repo(), env.stateDir(), run, progress)) {
      loop.withLogic(logic);
      try {
        healed = loop.run(open, d0.outcomes());
      } finally {
        o.localization = logic.report();
      }
    } finally {
      session.ifPresent(s -> o.llm = usage(s, o.notices));
      o.diagnoses.addAll(loop.llmDiagnoses());
    }
    o.validated = healed;
    o.timings[2] = loop.fixMillis;
    o.timings[3] = loop.validateMillis;
    o.absorb(loop);
    run.writeJson("fix.json", loop.accepted);
    run.writeJson("guard.json", loop.violations);
    o.runs = validator.runs();
    o.commandMillis = validator.commandMillis();
    if (healed) {
      List<Violation> last =
          Guardrails.check(
              new GuardInput(
                  loop.accepted,
                  loop.patch,
                  ws.repo(),
                  config.safety(),
                  FixSets.intended(loop.accepted),
                  loop.harness));
      if (!last.isEmpty()) {
        o.violations.addAll(last);
        o.finish(Status.REJECTED, "the final diff was refused by the guardrails");
        return;
      }
      long t3 = System.nanoTime();
      if (pr != null) {
        pr.propose(ws, loop, run, progress, o);
        o.timings[4] = (System.nanoTime() - t3) / 1_000_000;
        return;
      }
      Delivery.Mode mode =
          req.mode() == HealReport.DeliveryMode.APPLY ? Delivery.Mode.APPLY : Delivery.Mode.DRY_RUN;
      Delivery.Outcome delivered =
          Delivery.deliver(
              mode,
              ws.repo(),
              Path.of(o.repo).toRealPath(),
              loop.patch,
              ws::original,
              run.path().resolve("apply"));
      o.timings[4] = (System.nanoTime() - t3) / 1_000_000;
      o.applied = delivered.applied();
      if (req.mode() == HealReport.DeliveryMode.APPLY && !delivered.applied()) {
        o.finish(
            Status.NOT_HEALED, "the patch was validated but not applied: " + delivered.message());
        return;
      }
      o.finish(Status.HEALED, delivered.message());
      return;
    }
    o.refused = loop.refused;
    String allowedBy = loop.refused == null ? null : loop.refused.allowedBy();
    if (loop.refusedByGuard) {
      o.finish(
          Status.REJECTED,
          "a candidate existed and a guardrail refused it"
              + (allowedBy == null
                  ? ""
                  : "; `"
                      + allowedBy
                      + "` in .selfheal.yml would allow it (the refused patch is in"
                      + " the report)"));
    } else {
      o.finish(
          Status.NOT_HEALED,
          loop.belowConfidence
              ? "no candidate reached the confidence threshold ("
                  + config.safety().confidenceThreshold()
                  + ")"
                  + (allowedBy == null ? "" : "; `" + allowedBy + "` would allow the best one")
              : loop.lastProblem == null ? "no candidate passed validation" : loop.lastProblem);
    }
  }

  /** The stage a command's label belongs to, for its heartbeat. */
  private static String stage(String label) {
    return label.startsWith("flaky") ? "flaky" : label.startsWith("detect") ? "detect" : "validate";
  }

  /** The report's llm section; an unknown price is said, with the tokens counted. */
  private static HealReport.Llm usage(LlmSession s, List<String> notices) {
    var u = s.usage();
    if (u.calls() > 0 && u.costUsd().isEmpty()) {
      notices.add(
          "no price is known for "
              + s.model()
              + ": "
              + (u.inputTokens() + u.outputTokens())
              + " tokens counted, cost not computed");
    }
    return new HealReport.Llm(
        s.provider(),
        s.model(),
        u.calls(),
        u.inputTokens(),
        u.outputTokens(),
        u.costUsd().orElse(0.0),
        u.perCall().stream()
            .map(
                c ->
                    new HealReport.Llm.Call(
                        c.purpose(), c.inputTokens(), c.outputTokens(), c.costUsd().orElse(null)))
            .toList());
  }
}
