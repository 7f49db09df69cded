package dev.selfheal.cli;

import dev.selfheal.eval.Drill;
import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `selfheal drill`: what to expect from selfheal on your own repository. */
@Command(
    name = "drill",
    mixinStandardHelpOptions = true,
    description =
        "Breaks scratch clones of your repository as real commits do, heals each, and reports the"
            + " expected auto-fix rate per category with the cases missed and why. Your tree is not touched.")
public final class DrillCommand implements Callable<Integer> {
  private final Environment env;

  public DrillCommand(Environment env) {
    this.env = env;
  }

  @Option(names = "--repo", description = "the repository (default: the current directory)")
  Path repo = Path.of(".");

  @Option(names = "--count", description = "how many breakages (default: 10)")
  int count = 10;

  @Option(names = "--seed", description = "the sample's seed (default: 1)")
  long seed = 1;

  @Override
  public Integer call() throws Exception {
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
      System.err.println();
      System.err.printf(
          "%-18s %7s %8s %8s %6s %7s %9s%n",
          "category", "broken", "fixable", "correct", "wrong", "missed", "expected");
      r.byCategory()
          .forEach(
              (cat, c) ->
                  System.err.printf(
                      Locale.ROOT,
                      "%-18s %7d %8d %8d %6d %7d %9s%n",
                      cat,
                      c[0],
                      c[1],
                      c[2],
                      c[3],
                      c[4],
                      r.rate(cat) == null
                          ? "-"
                          : String.format(Locale.ROOT, "%.0f%%", 100 * r.rate(cat))));
      System.err.println();
      for (Drill.Case c : r.cases()) {
        if (c.verdict() != dev.selfheal.breakage.Grader.Verdict.CORRECT
            && c.verdict() != dev.selfheal.breakage.Grader.Verdict.DECLINED) {
          System.err.println(
              c.verdict().name().toLowerCase(Locale.ROOT)
                  + "    "
                  + c.breakage().id()
                  + ": "
                  + c.status().wire()
                  + " — "
                  + c.why());
        }
      }
      System.err.println(
          "expected = correct fixes / breakages a fix exists for; wrong = a false fix (worse than none)");
      return ExitCode.OK;
    } finally {
      DeleteTree.quietly(work);
    }
  }
}
