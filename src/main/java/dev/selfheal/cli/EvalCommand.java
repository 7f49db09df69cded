package dev.selfheal.cli;

import dev.selfheal.eval.Evaluation;
import dev.selfheal.eval.GoldenSet;
import dev.selfheal.model.ExitCode;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `selfheal eval`: scores the healer on the golden set and gates on regressions. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Runs the real pipeline on every golden case, grades it, scores overall and per slice, and"
            + " with --baseline exits 3 when the score regresses by more than --max-regression points.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  selfheal eval --slice=hand           # the hand-written cases, quickly",
      "  selfheal eval --baseline=main.json   # gate: exit 3 when worse by more than 2 points"
    })
public final class EvalCommand implements Callable<Integer> {
  private final Environment env;

  public EvalCommand(Environment env) {
    this.env = env;
  }

  @Option(
      names = "--golden",
      paramLabel = "DIR",
      description = "the golden set (default: ./golden)")
  Path golden = Path.of("golden");

  @Option(
      names = "--slice",
      paramLabel = "TAG",
      description = "only cases with this tag value (repeatable), e.g. type_error, maven, easy")
  List<String> slices = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "an earlier scorecard.json to gate against")
  Path baseline;

  @Option(
      names = "--max-regression",
      paramLabel = "POINTS",
      description = "the largest drop allowed (default: 2.0)")
  double maxRegression = 2.0;

  @Option(names = "--jobs", paramLabel = "N", description = "cases at a time (default: the cores)")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "where scorecard.json, junit.xml and summary.md go (default: ./eval-report)")
  Path report = Path.of("eval-report");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "the .selfheal.yml the cases are healed with (default: the defaults); e.g. llm.model for"
              + " a local OpenAI-compatible server. A case's own selfheal.yml replaces it")
  Path config;

  @Option(
      names = "--maven-jvm",
      paramLabel = "warm|fresh",
      description =
          "warm (default): the cases' mvn builds run in Maven JVMs kept between builds (the same"
              + " Maven, JVM options and environment); fresh: a new mvn process per build")
  String mavenJvm = "warm";

  @Option(
      names = "--self-test",
      description =
          "check the cases instead: each base passes, fails as declared when broken, and its"
              + " expected fix passes")
  boolean selfTest;

  @Override
  public Integer call() throws Exception {
    if (jobs < 1 || maxRegression < 0) {
      throw new UsageException("--jobs must be at least 1 and --max-regression at least 0");
    }
    if (baseline != null && !Files.isRegularFile(baseline)) {
      throw new UsageException("--baseline " + baseline + ": no such file");
    }
    Evaluation.MavenJvm jvm =
        java.util.Arrays.stream(Evaluation.MavenJvm.values())
            .filter(v -> v.wire().equals(mavenJvm))
            .findFirst()
            .orElseThrow(
                () -> new UsageException("--maven-jvm " + mavenJvm + ": expected warm or fresh"));
    Path work = Files.createTempDirectory("selfheal-eval");
    Evaluation.Options options =
        new Evaluation.Options(
            golden,
            new LinkedHashSet<>(slices),
            selfTest ? null : baseline,
            maxRegression,
            jobs,
            report,
            work,
            jvm,
            config);
    try {
      if (selfTest) {
        var verdicts = Evaluation.selfTest(options, env, System.err);
        long bad = verdicts.stream().filter(v -> !v.ok()).count();
        System.err.println(
            "self-test "
                + (verdicts.size() - bad)
                + "/"
                + verdicts.size()
                + " case(s) are what they say");
        return bad == 0 ? ExitCode.OK : ExitCode.NEEDS_PERSON;
      }
      Evaluation.Outcome o = Evaluation.run(options, env, System.err);
      System.err.printf(
          "score     %.1f on %d case(s); structure %s; judge %s; LLM %s%n",
          o.scorecard().score(),
          o.scorecard().cases(),
          o.scorecard().structureScore(),
          o.scorecard().judgeScore() == null
              ? "none (" + o.scorecard().graders().get("judge") + ")"
              : o.scorecard().judgeScore(),
          o.scorecard().llm().describe());
      o.scorecard()
          .slices()
          .forEach(
              (k, v) -> System.err.printf("slice     %-18s %5.1f (%d)%n", k, v.score(), v.cases()));
      System.err.println(
          "wrote     " + report.resolve("scorecard.json") + ", junit.xml, summary.md");
      if (o.gate() != null) {
        o.gate().reasons().forEach(r -> System.err.println("regressed " + r));
        if (!o.gate().flippedToFail().isEmpty()) {
          System.err.println("now fail  " + String.join(", ", o.gate().flippedToFail()));
        }
        if (o.gate().tripped()) {
          System.err.println(
              "gate      tripped: the healer got worse by more than " + maxRegression + " points");
          return ExitCode.NEEDS_PERSON;
        }
        System.err.println("gate      holds");
      }
      return ExitCode.OK;
    } catch (GoldenSet.GoldenException e) {
      throw new UsageException(e.getMessage());
    } finally {
      DeleteTree.quietly(work);
    }
  }
}
