package dev.selfheal.cli;

import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `selfheal heal`: the whole pipeline. */
@Command(
    name = "heal",
    mixinStandardHelpOptions = true,
    description =
        "Detects, diagnoses, fixes, guards and validates in an isolated copy; prints the validated patch"
            + " (--dry-run, the default), writes it into the working tree (--apply), or proposes it"
            + " as a pull request (--pr).")
public final class HealCommand implements Callable<Integer> {
  private final Environment env;

  public HealCommand(Environment env) {
    this.env = env;
  }

  @Mixin RepoOptions where;

  @ArgGroup(exclusive = true)
  Source source = new Source();

  static final class Source {
    @Option(
        names = "--command",
        description = "the check command (default: config, else inferred from the build)")
    String command;
  }

  @Option(
      names = "--logs",
      description = "take the failures from this CI log; they are reproduced here first")
  Path logs;

  @Option(
      names = "--github-run",
      paramLabel = "RUN_ID",
      description =
          "take the failures from this GitHub Actions run's failed jobs (GITHUB_REPOSITORY,"
              + " GITHUB_TOKEN); they are reproduced here first")
  Long githubRun;

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  static final class Mode {
    @Option(
        names = "--dry-run",
        description = "print the validated patch; change nothing (default)")
    boolean dryRun;

    @Option(names = "--apply", description = "write the validated patch into the working tree")
    boolean apply;

    @Option(
        names = "--pr",
        description =
            "push the validated fix to a selfheal/ branch on origin and open (or update) one pull"
                + " request for it, labelled auto-heal; never merged")
    boolean pr;
  }

  @Option(
      names = "--report",
      description = "write the machine-readable report (selfheal.report/v1) here")
  Path report;

  @Option(names = "--no-llm", description = "use recipes only, never a model")
  boolean noLlm;

  @Override
  public Integer call() throws Exception {
    HealReport.DeliveryMode m =
        mode.apply
            ? HealReport.DeliveryMode.APPLY
            : mode.pr ? HealReport.DeliveryMode.PR : HealReport.DeliveryMode.DRY_RUN;
    HealPipeline.Result r =
        new HealPipeline(env)
            .heal(
                new HealRequest(
                    where.repo, source.command, logs, m, report, where.config, noLlm, githubRun),
                new Progress(System.err));
    HealSummary.print(r, env, System.out, System.err);
    return r.report().status().exitCode();
  }
}
