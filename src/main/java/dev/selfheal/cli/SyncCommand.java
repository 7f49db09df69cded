package dev.selfheal.cli;

import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.HistorySync;
import dev.selfheal.pipeline.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `selfheal sync`: what became of selfheal's PRs, into the history. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description =
        "Brings the outcomes of selfheal's PRs (merged, closed, further commits, CI on the branch)"
            + " into the history, importing PRs it has no record of from their report blocks.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  GITHUB_TOKEN=... selfheal sync       # what became of selfheal's PRs, into the history"
    })
public final class SyncCommand implements Callable<Integer> {
  private final Environment env;

  public SyncCommand(Environment env) {
    this.env = env;
  }

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "the repository whose origin names the GitHub repository (default: the git work tree"
              + " around the current folder)")
  Path repo;

  @Override
  public Integer call() throws Exception {
    if (repo == null) {
      repo = dev.selfheal.pipeline.Repo.gitTop(Path.of("")); // as git finds its own
    }
    if (!Files.isDirectory(repo)) {
      throw new UsageException("--repo " + repo + ": not a directory");
    }
    HistorySync.Summary s = HistorySync.run(env, repo.toAbsolutePath());
    s.problems().forEach(p -> System.err.println("skipped     " + p));
    System.err.println(
        "synced      "
            + s.checked()
            + " selfheal PR(s): "
            + s.updated()
            + " outcome(s) updated, "
            + s.imported()
            + " imported from their report blocks");
    return ExitCode.OK;
  }
}
