package dev.selfheal.cli;

import dev.selfheal.deliver.Setup;
import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `selfheal init`: the self-heal workflow and a commented config. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Writes .github/workflows/self-heal.yml (heals a failed CI run and opens a PR) and a"
            + " commented .selfheal.yml; prints an equivalent GitLab CI job.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal init                        # the self-heal workflow for your only CI workflow",
      "  selfheal init --workflow=\"Build and test\" --force"
    })
public final class InitCommand implements Callable<Integer> {
  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "the repository (default: the git work tree around the current folder)")
  Path repo;

  @Option(names = "--force", description = "overwrite files that exist")
  boolean force;

  @Option(
      names = "--workflow",
      paramLabel = "NAME",
      description = "the CI workflow to heal, by its name: (default: the only one there)")
  String workflow;

  @Override
  public Integer call() throws Exception {
    if (repo == null) {
      repo = dev.selfheal.pipeline.Repo.gitTop(Path.of("")); // as git finds its own
    }
    if (!Files.isDirectory(repo)) {
      throw new UsageException("--repo " + repo + ": not a directory");
    }
    try {
      var ci = Setup.chooseWorkflow(repo, workflow);
      Setup.Written w = Setup.write(repo, ci, force);
      w.files().forEach(f -> System.err.println("wrote       " + f));
      System.err.println(
          "heals       the workflow \""
              + ci.name()
              + "\" when it fails on this repository's branches (job "
              + w.ci().jobId()
              + ")");
      System.err.println(
          "prepares    the project as that job does: "
              + (w.ci().setupSteps().isEmpty()
                  ? "no setup step found before its checks"
                  : w.ci().setupSteps().size() + " setup step(s) copied, in order"));
      w.ci().leftOut().forEach(l -> System.err.println("left out    " + l));
      w.ci().checkCommand().ifPresent(c -> System.err.println("checks      CI runs `" + c + "`"));
      System.err.println(
          "next        commit both files; add ANTHROPIC_API_KEY or OPENAI_API_KEY as secrets for the"
              + " LLM tier (recipes need none); allow Actions to create PRs (Settings → Actions →"
              + " General) or add SELFHEAL_GITHUB_TOKEN");
      System.err.println(
          "history     set SELFHEAL_DB_URL for a shared database, or run `selfheal sync` to rebuild"
              + " it from the auto-heal PRs");
      System.err.println();
      System.err.println("On GitLab CI instead, a job like this heals and keeps the patch:");
      System.out.print(Setup.gitlabJob());
      return ExitCode.OK;
    } catch (Setup.SetupException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
