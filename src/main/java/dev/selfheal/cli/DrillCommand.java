package dev.selfheal.cli;

import dev.selfheal.eval.Drill;
import dev.selfheal.eval.DrillOutput;
import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `selfheal drill`: what to expect from selfheal on your own repository. */
@Command(
    name = "drill",
    mixinStandardHelpOptions = true,
    description =
        "Breaks scratch clones of your repository as real commits do, heals each, and reports the"
            + " expected auto-fix rate per category with the cases missed and why. Your tree is not touched.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal drill                       # 10 breakages of your last commit, healed",
      "  selfheal drill --count=30 --json > drill.json"
    })
public final class DrillCommand implements Callable<Integer> {
  private final Environment env;

  public DrillCommand(Environment env) {
    this.env = env;
  }

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "the repository (default: the git work tree around the current folder)")
  Path repo;

  @Option(names = "--count", paramLabel = "N", description = "how many breakages (default: 10)")
  int count = 10;

  @Option(names = "--seed", paramLabel = "S", description = "the sample's seed (default: 1)")
  long seed = 1;

  @Option(
      names = "--json",
      description = "print the figures and every miss as JSON (selfheal.drill/v1) on stdout")
  boolean json;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "write that JSON here as well (- for stdout)")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (repo == null) {
      repo = dev.selfheal.pipeline.Repo.gitTop(Path.of("")); // as git finds its own
    }
    if (!Files.isDirectory(repo.resolve(".git")) && !Files.isRegularFile(repo.resolve(".git"))) {
      throw new UsageException(
          "--repo " + repo + ": not the top of a git repository (drill clones its last commit)");
    }
    Path work = Files.createTempDirectory("selfheal-drill");
    try {
      Drill.Report r;
      try {
        r = Drill.run(repo.toAbsolutePath().normalize(), count, seed, env, work, System.err);
      } catch (Drill.NotGreen e) {
        System.err.println("selfheal: " + e.getMessage());
        return ExitCode.NEEDS_PERSON;
      }
      DrillOutput.table(r, System.err);
      String doc = DrillOutput.json(r, repo.toAbsolutePath().normalize(), count, seed);
      if (json || (report != null && report.toString().equals("-"))) {
        System.out.println(doc);
      }
      if (report != null && !report.toString().equals("-")) {
        dev.selfheal.pipeline.RunDir.writeAtomically(report, doc + "\n");
        System.err.println("wrote " + report);
      }
      return ExitCode.OK;
    } finally {
      DeleteTree.quietly(work);
    }
  }
}
