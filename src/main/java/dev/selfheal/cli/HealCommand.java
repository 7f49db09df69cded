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
            + " as a pull request (--pr).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:healed, no_failure (the command passes) or flaky (every failing test passed on re-run)",
      "3:not_reproduced, not_healed or rejected: a person must look",
      "2:bad usage or configuration (the message says what to change)",
      "1:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal heal                          # dry run: print the validated patch, change nothing",
      "  selfheal heal --apply                  # write it into the working tree",
      "  selfheal heal --command=\"mvn -B verify -Pci\" --report=heal.json",
      "  selfheal heal --report=- > heal.json    # the JSON report on stdout",
      "  selfheal heal --logs=ci.log            # failures from a CI log, reproduced here first",
      "  selfheal heal --pr --github-run=123456 # in Actions: propose a PR for a failed run",
      "",
      "Statuses (in the report and the last line): healed, no_failure, flaky, not_reproduced,",
      "not_healed, rejected. The report's schema is selfheal.report/v1."
    })
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
        paramLabel = "CMD",
        description = "the check command (default: config, else inferred from the build)")
    String command;
  }

  @Option(
      names = "--logs",
      paramLabel = "FILE",
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
      paramLabel = "FILE",
      description =
          "write the machine-readable report (selfheal.report/v1) here; - for stdout (the patch"
              + " is then in the report only)")
  Path report;

  @Option(names = "--json", description = "the JSON report on stdout (as --report=-)")
  boolean json;

  @Option(names = "--no-llm", description = "use recipes only, never a model")
  boolean noLlm;

  @Override
  public Integer call() throws Exception {
    HealReport.DeliveryMode m =
        mode.apply
            ? HealReport.DeliveryMode.APPLY
            : mode.pr ? HealReport.DeliveryMode.PR : HealReport.DeliveryMode.DRY_RUN;
    boolean toStdout = json || (report != null && report.toString().equals("-"));
    HealPipeline.Result r =
        new HealPipeline(env)
            .heal(
                new HealRequest(
                    where.repo,
                    source.command,
                    logs,
                    m,
                    toStdout ? null : report,
                    where.config,
                    noLlm,
                    githubRun),
                new Progress(System.err));
    HealSummary.print(r, env, System.out, System.err, !toStdout, true);
    if (toStdout) {
      System.out.println(
          env.redactor()
              .redact(dev.selfheal.pipeline.Json.mapper().writeValueAsString(r.report())));
    }
    // Workflow commands: on stdout, where Actions reads them; a dry run's patch keeps stdout.
    var annotate = m == HealReport.DeliveryMode.DRY_RUN || toStdout ? System.err : System.out;
    dev.selfheal.pipeline.Annotations.of(r.report(), env).forEach(annotate::println);
    return r.report().status().exitCode();
  }
}
