package dev.selfheal.pipeline;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.deliver.ActionsWorkflows;
import dev.selfheal.deliver.AttemptLedger;
import dev.selfheal.deliver.FixBranch;
import dev.selfheal.deliver.PrBody;
import dev.selfheal.deliver.PrContext;
import dev.selfheal.deliver.PrEvidence;
import dev.selfheal.deliver.ProposalGate;
import dev.selfheal.deliver.PullRequestDelivery;
import dev.selfheal.github.GitHubException;
import dev.selfheal.github.GitHubSettings;
import dev.selfheal.github.PullRequest;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import dev.selfheal.validate.Workspace;
import dev.selfheal.vcs.Git;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code --pr} parts of a heal: may we propose at all, and then proposing. */
final class PrStep {
  private final PrTarget target;
  private final SelfhealConfig.Delivery config;
  private final AttemptLedger ledger;
  private final Environment env;
  private Optional<PullRequest> existing = Optional.empty();
  private int attempts = 1;

  PrStep(PrTarget target, SelfhealConfig.Delivery config, Environment env) {
    this.target = target;
    this.config = config;
    this.env = env;
    this.ledger = new AttemptLedger(env.stateDir());
  }

  PrTarget target() {
    return target;
  }

  /**
   * Before any fixing: a person's "no", the attempt limit and the cooldown; records this attempt
   * when it may go on. Returns why not, or empty.
   */
  Optional<String> gate(List<Failure> open, List<String> notices) throws IOException {
    Set<String> fps = new LinkedHashSet<>();
    open.forEach(f -> fps.add(f.fingerprint()));
    List<PullRequest> prs;
    try {
      prs = target.github().pullsWithHeadPrefix(FixBranch.PREFIX);
    } catch (GitHubException e) {
      return Optional.of(
          "cannot look for earlier selfheal PRs, so none is proposed: " + e.getMessage());
    }
    Map<String, List<Instant>> seen = new HashMap<>();
    for (String fp : fps) {
      seen.put(fp, ledger.attempts(fp));
    }
    Instant now = env.clock().instant();
    ProposalGate.Decision d = ProposalGate.decide(fps, prs, seen, config, now);
    if (d instanceof ProposalGate.Stop stop) {
      return Optional.of(stop.reason());
    }
    existing = ((ProposalGate.Proceed) d).existing();
    int before = 0;
    for (List<Instant> l : seen.values()) {
      before = Math.max(before, l.size());
    }
    // The open PR's marker carries the count across runners that keep no state of their own.
    int onPr =
        existing
            .flatMap(pr -> dev.selfheal.deliver.ReportBlock.attempts(pr.body()))
            .map(dev.selfheal.deliver.ReportBlock.Attempts::count)
            .orElse(0);
    attempts = Math.max(before, onPr) + 1;
    ledger.record(fps, now);
    return Optional.empty();
  }

  /** After validation: proposes the patch, and says how it went in the outcome. */
  void propose(Workspace ws, HealLoop loop, RunDir run, Progress progress, Outcome o)
      throws IOException, UsageException {
    Set<String> fps = new LinkedHashSet<>();
    o.fixes.forEach(f -> fps.addAll(f.fingerprints()));
    o.branch = existing.map(PullRequest::headRef).orElse(FixBranch.name(fps));
    o.finish(Status.HEALED, "validated; proposed as a pull request from " + o.branch);
    // Compact: the PR body has a size limit, and machines read this part.
    String json =
        Json.mapper()
            .writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(o.report(env));
    // No runner path in what a PR keeps: the repository's, the workspace's and the state folder.
    json = withoutRoots(json, List.of(ws.repo(), ws.root(), Path.of(o.repo), env.stateDir()));
    PrEvidence ev = evidence(o, target.failingCommit(), target.branch(), json, context(ws, o));
    progress.start("deliver", "pushing " + o.branch + " to origin, PR against " + target.branch());
    try {
      PullRequestDelivery.Result r =
          deliver(ws.root(), ws.repo(), o.patch.files(), ev, o.fixes, run.path());
      o.branch = r.branch();
      o.prUrl = r.prUrl();
      o.notices.addAll(r.notices());
      String what =
          r.created()
              ? "opened " + r.prUrl()
              : r.pushed()
                  ? "updated " + r.prUrl() + " with the new fix"
                  : r.prUrl() + " already proposes this fix; nothing pushed";
      o.finish(Status.HEALED, "validated; " + what);
      progress.done("deliver", what);
      StepSummary.append(
          env, PrBody.summary(ev, env.redactor()) + "\n**Pull request:** " + r.prUrl() + "\n");
    } catch (PullRequestDelivery.DeliveryException e) {
      o.finish(Status.NOT_HEALED, "the fix was validated but not proposed: " + e.getMessage());
      progress.done("deliver", "not proposed");
    } catch (PrTarget.Refusal e) {
      o.finish(Status.NOT_HEALED, e.getMessage());
      progress.done("deliver", "not proposed");
    }
  }

  /** Commits, pushes and opens (or updates) the PR. */
  PullRequestDelivery.Result deliver(
      Path gitRoot,
      Path workspaceRepo,
      List<String> files,
      PrEvidence evidence,
      List<Fix> fixes,
      Path scratch)
      throws PullRequestDelivery.DeliveryException, IOException, UsageException, PrTarget.Refusal {
    target.checkNotMoved();
    Git git = new Git(env.runner(), workspaceRepo);
    String body = PrBody.render(evidence, attempts, env.clock().instant(), env.redactor());
    String comment =
        env.redactor()
            .redact(
                "selfheal healed this failure again at "
                    + target.failingCommit()
                    + " and updated the branch ("
                    + String.join(", ", fixes.stream().map(Fix::strategy).distinct().toList())
                    + "). Attempt "
                    + attempts
                    + " of "
                    + config.maxAttemptsPerFingerprint()
                    + ".");
    Set<String> fps = new LinkedHashSet<>();
    fixes.forEach(f -> fps.addAll(f.fingerprints()));
    return new PullRequestDelivery(git, target.origin(), target.github(), scratch)
        .deliver(
            new PullRequestDelivery.Proposal(
                target.failingCommit(),
                target.branch(),
                files,
                PrBody.commitMessage(evidence, env.redactor()),
                env.redactor().redact(PrBody.title(evidence)),
                body,
                comment,
                existing,
                FixBranch.name(fps),
                config.labels(),
                config.reviewers(),
                dispatchable(gitRoot),
                config.author()));
  }

  static String withoutRoots(String json, List<Path> roots) {
    String out = json;
    java.util.Set<String> all = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
    for (Path r : roots) {
      all.add(r.toAbsolutePath().normalize().toString());
      try {
        all.add(r.toRealPath().toString());
      } catch (IOException e) {
        // the path as given
      }
    }
    for (String root : all) {
      if (root.length() > 1) {
        out = out.replace(root + "/", "").replace(root, ".");
      }
    }
    return out;
  }

  /** The failed jobs of the run healed from (with --github-run), for the PR's links. */
  private List<PrContext.Link> jobs = List.of();

  void failedJobs(List<PrContext.Link> jobs) {
    this.jobs = List.copyOf(jobs);
  }

  /** Where the fix comes from: the run, the commands, the breaking commit and its author. */
  private PrContext context(Workspace ws, Outcome o) {
    List<String> touched = o.patch.files();
    PrContext.Commit breaking =
        ws.breakingCommit(touched.isEmpty() ? List.of() : touched)
            .map(
                c -> {
                  String login = null;
                  try {
                    login = target.github().commitAuthorLogin(c[0]).orElse(null);
                  } catch (GitHubException e) {
                    o.notices.add(
                        "the breaking commit's author login is unknown: " + e.getMessage());
                  }
                  return new PrContext.Commit(
                      c[0], c.length > 1 ? c[1] : "", c.length > 2 ? c[2] : "", login);
                })
            .orElse(null);
    return new PrContext(
        runUrl(),
        jobs,
        o.command,
        o.targeted == null ? null : o.targeted.command(),
        breaking,
        o.branch,
        dev.selfheal.model.SelfhealVersion.current(),
        o.preExisting.stream().map(p -> p.test() + " (" + p.reason() + ")").toList());
  }

  private String runUrl() {
    var run = target.run();
    if (run == null) {
      return null;
    }
    if (run.htmlUrl() != null) {
      return run.htmlUrl();
    }
    String server = env.env().getOrDefault("GITHUB_SERVER_URL", "https://github.com");
    return server + "/" + target.github().settings().repository() + "/actions/runs/" + run.id();
  }

  /** The reviewer's evidence, from what the heal found; {@code reportJson} is the full report. */
  static PrEvidence evidence(Outcome o, String failingCommit, String branch, String reportJson) {
    return evidence(o, failingCommit, branch, reportJson, null);
  }

  static PrEvidence evidence(
      Outcome o, String failingCommit, String branch, String reportJson, PrContext context) {
    List<String> before = o.failures.stream().map(Failure::headline).toList();
    List<dev.selfheal.model.Diagnosis> diagnoses = o.fixes.stream().map(Fix::diagnosis).toList();
    return new PrEvidence(
        diagnoses.isEmpty() ? o.diagnoses : diagnoses,
        o.fixes.stream().map(Fix::strategy).distinct().toList(),
        o.patch,
        before,
        o.targeted == null ? List.of() : o.targeted.tests(),
        o.targeted == null ? 0 : o.targeted.executed(),
        o.full == null ? 0 : o.full.testsRun(),
        o.violations.stream().map(v -> v.rule().wire() + ": " + v.detail()).toList(),
        o.llm.calls() > 0 ? o.llm.model() : null,
        o.llm.inputTokens() + o.llm.outputTokens(),
        o.llm.costUsd(),
        failingCommit,
        branch,
        reportJson,
        context);
  }

  /**
   * Pushes made with GITHUB_TOKEN start no workflow; the failing CI is started by hand on the fix
   * branch when it accepts {@code workflow_dispatch}.
   */
  private String dispatchable(Path gitRoot) {
    var run = target.run();
    if (target.github().settings().tokenSource() != GitHubSettings.TokenSource.GITHUB_TOKEN
        || run == null
        || run.workflowPath() == null) {
      return null;
    }
    String path = run.workflowPath();
    int at = path.indexOf('@');
    if (at > 0) {
      path = path.substring(0, at);
    }
    Path file = gitRoot.resolve(path);
    return ActionsWorkflows.acceptsDispatch(file) ? file.getFileName().toString() : null;
  }
}
