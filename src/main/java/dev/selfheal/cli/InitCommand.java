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
            + " commented .selfheal.yml; prints an equivalent GitLab CI job.")
public final class InitCommand implements Callable<Integer> {
  @Option(names = "--repo", description = "the repository (default: the current directory)")
  Path repo = Path.of(".");

  @Option(names = "--force", description = "overwrite files that exist")
  boolean force;

  @Option(
      names = "--workflow",
      paramLabel = "NAME",
      description = "the CI workflow to heal, by its name: (default: the only one there)")
  String workflow;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(repo)) {
      throw new UsageException("--repo " + repo + ": not a directory");
    }
    try {
      String ci = Setup.chooseWorkflow(repo, workflow);
      Setup.Written w = Setup.write(repo, ci, force);
      w.files().forEach(f -> System.err.println("wrote       " + f));
      System.err.println(
          "heals       the workflow \"" + ci + "\" when it fails on this repository's branches");
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
