package dev.selfheal.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.breakage.Breakage;
import dev.selfheal.breakage.Grader;
import dev.selfheal.breakage.Grader.Verdict;
import dev.selfheal.breakage.Operators;
import dev.selfheal.breakage.Sampler;
import dev.selfheal.breakage.SourceTree;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.fix.RecipeRunner;
import dev.selfheal.fix.recipes.Recipes;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestEnv;
import dev.selfheal.vcs.Git;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipe corpus: the breakage operators break copies of the example projects as real commits
 * do, {@code selfheal heal} runs on each (real Maven builds, validation and all), and the result is
 * graded against the fix the operator expected. Reports the fix rate per kind and the false-fix
 * rate to {@code target/corpus.md}. {@code -Dcorpus.perKind=N} sizes the sample (default 6, which
 * keeps the test command within CI's time; {@code -Dcorpus.perKind=10} is the full corpus).
 */
class RecipeCorpusIT {
  private static final List<String> PROJECTS = List.of("inventory", "library", "multi-module");
  private static final long SEED = 20261125L;

  @TempDir Path work;

  record Outcome(
      String project,
      Breakage breakage,
      Status status,
      Verdict verdict,
      String fixedBy,
      long millis) {}

  @Test
  void recipesFixWhatTheOperatorsBreakAndNothingElse() throws Exception {
    int perKind = Integer.getInteger("corpus.perKind", 6);
    List<List<Breakage>> sources = new ArrayList<>();
    for (String p : PROJECTS) {
      List<Breakage> all = Operators.breakages(SourceTree.read(Path.of("examples", p)));
      sources.add(all);
    }
    List<Breakage> sample = Sampler.sample(sources, perKind, SEED);
    ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("corpus.threads", 2));
    List<Future<Outcome>> futures = new ArrayList<>();
    int n = 0;
    for (Breakage b : sample) {
      String project = projectFor(b, sources);
      Path dir = work.resolve("v" + n++);
      futures.add(pool.submit(() -> run(project, b, dir)));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : futures) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    String table = CorpusTable.render(outcomes);
    Files.writeString(Path.of("target", "corpus.md"), table, StandardCharsets.UTF_8);
    System.out.println(table);

    List<Outcome> broken = outcomes.stream().filter(o -> o.status() != Status.NO_FAILURE).toList();
    long wrong = broken.stream().filter(o -> o.verdict() == Verdict.WRONG).count();
    long expectingFix =
        broken.stream().filter(o -> o.breakage().expected().recipe() != null).count();
    long correct = broken.stream().filter(o -> o.verdict() == Verdict.CORRECT).count();
    assertThat(broken).hasSizeGreaterThan(sample.size() / 2);
    assertThat((double) wrong / broken.size()).as("false-fix rate").isLessThanOrEqualTo(0.05);
    assertThat((double) correct / expectingFix).as("fix rate").isGreaterThanOrEqualTo(0.6);
  }

  private static String projectFor(Breakage b, List<List<Breakage>> sources) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).contains(b)) {
        return PROJECTS.get(i);
      }
    }
    throw new IllegalStateException(b.id());
  }

  private static Outcome run(String project, Breakage b, Path dir) throws Exception {
    long t0 = System.nanoTime();
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Projects.copy(project, repo);
    GitRepos.commitAll(repo, "good");
    CommandRunner runner = new CommandRunner(System.getenv(), Clock.systemUTC());
    b.commit(new Git(runner, repo));
    HealPipeline.Result r =
        new HealPipeline(
                TestEnv.with(Files.createDirectories(dir.resolve("state"))),
                new RecipeRunner(Recipes.all()))
            .heal(
                new HealRequest(
                    repo, "mvn -B verify", null, HealReport.DeliveryMode.APPLY, null, null, true),
                Progress.silent());
    Status status = r.report().status();
    Git git = new Git(runner, repo);
    Map<String, String> broken = new LinkedHashMap<>();
    Map<String, String> healed = new LinkedHashMap<>();
    List<String> changed = new ArrayList<>(git.changedTracked());
    changed.addAll(git.untracked());
    for (String f : changed) {
      try {
        broken.put(f, git.run("show", "HEAD:" + f));
      } catch (java.io.IOException untracked) {
        broken.put(f, null);
      }
      Path p = repo.resolve(f);
      healed.put(f, Files.exists(p) ? Files.readString(p) : null);
    }
    Verdict v = Grader.grade(b, status == Status.HEALED, broken, healed);
    String by =
        r.report().fixes().stream()
            .map(Fix::strategy)
            .distinct()
            .reduce((x, y) -> x + "+" + y)
            .orElse("-");
    return new Outcome(project, b, status, v, by, (System.nanoTime() - t0) / 1_000_000);
  }
}
