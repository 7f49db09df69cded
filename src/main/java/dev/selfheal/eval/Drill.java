package dev.selfheal.eval;

import dev.selfheal.breakage.Breakage;
import dev.selfheal.breakage.Grader;
import dev.selfheal.breakage.Operators;
import dev.selfheal.breakage.Sampler;
import dev.selfheal.breakage.SourceTree;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.DetectService;
import dev.selfheal.pipeline.Environment;
import dev.selfheal.pipeline.HealPipeline;
import dev.selfheal.pipeline.HealReport;
import dev.selfheal.pipeline.HealRequest;
import dev.selfheal.pipeline.Progress;
import dev.selfheal.pipeline.ScratchRepo;
import dev.selfheal.pipeline.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code selfheal drill}: breaks scratch clones of the user's own repository the way real commits
 * do (never the tree itself), heals each, and tells the team what to expect: the auto-fix rate per
 * category on their code, and the cases missed, with why.
 */
public final class Drill {
  private Drill() {}

  public record Case(
      Breakage breakage,
      String category,
      Status status,
      Grader.Verdict verdict,
      String why,
      double seconds,
      String refusedBy) {
    /** Missed only because a setting refused the fix: which setting would allow it. */
    public boolean refusedByConfig() {
      return verdict == Grader.Verdict.MISSED && refusedBy != null;
    }
  }

  public record Report(List<Case> cases, Map<String, int[]> byCategory) {
    /**
     * Per category: {broken, expected a fix, correct, wrong, missed, rightly declined, refused by
     * config}; a fix a setting refused counts as refused, not missed.
     */
    public Double rate(String category) {
      int[] c = byCategory.get(category);
      return c == null || c[1] == 0 ? null : (double) c[2] / c[1];
    }
  }

  /** The last commit does not pass its own check: every breakage's heal would be blurred by it. */
  public static final class NotGreen extends Exception {
    NotGreen(String message) {
      super(message);
    }
  }

  public static Report run(
      Path repo, int count, long seed, Environment env, Path work, PrintStream out)
      throws IOException, UsageException, NotGreen {
    if (count < 1) {
      throw new UsageException("--count must be at least 1");
    }
    // The last commit, not the working tree: uncommitted edits must not ride along in a breakage.
    Path base =
        ScratchRepo.cloneOf(repo, Files.createDirectories(work.resolve("base")).resolve("repo"));
    List<Breakage> all = Operators.breakages(SourceTree.read(base));
    if (all.isEmpty()) {
      throw new UsageException(
          repo
              + ": the breakage operators found nothing to break (they work on Java sources and Maven poms)");
    }
    List<Breakage> sample = spread(Sampler.sample(List.of(all), count, seed), count);
    out.printf(
        "drill     %d breakage(s) of %s, seed %d, in scratch clones under %s%n",
        sample.size(), repo, seed, work);
    // Its own state and no shared history: drill heals are rehearsals, not the team's metrics.
    Environment scratch =
        env.withEnv(
            CaseRunner.caseEnv(
                env.env(), Files.createDirectories(work.resolve("state")), null, true));
    green(repo, base, scratch, out);
    List<Case> cases = new ArrayList<>();
    Map<String, int[]> by = new TreeMap<>();
    int i = 0;
    for (Breakage b : sample) {
      long t0 = System.nanoTime();
      Path clone =
          ScratchRepo.cloneOf(
              repo, Files.createDirectories(work.resolve(Integer.toString(i++))).resolve("repo"));
      ScratchRepo.commitBreakage(clone, b);
      HealReport r =
          new HealPipeline(scratch)
              .heal(
                  new HealRequest(
                          clone, null, null, HealReport.DeliveryMode.APPLY, null, null, false)
                      .asRehearsal(),
                  Progress.silent())
              .report();
      ScratchRepo.Changes ch = ScratchRepo.changes(clone);
      Grader.Verdict v = Grader.grade(b, r.status() == Status.HEALED, ch.before(), ch.after());
      // Logic regressions are test failures too; drill shows them on a row of their own.
      String category =
          b.kind() == dev.selfheal.breakage.Operator.Kind.LOGIC_REGRESSION
              ? "logic"
              : GoldenSet.category(b.kind());
      Case c =
          new Case(
              b,
              category,
              r.status(),
              v,
              r.reason(),
              (System.nanoTime() - t0) / 1e9,
              r.refused() == null ? null : r.refused().allowedBy());
      cases.add(c);
      int[] k = by.computeIfAbsent(category, x -> new int[7]);
      if (r.status() != Status.NO_FAILURE) {
        k[0]++;
        k[1] += b.expected().recipe() != null ? 1 : 0;
        k[c.refusedByConfig() ? 6 : 2 + v.ordinal()]++;
      }
      out.printf(
          "%-9s %s → %s (%.0f s)%n",
          c.refusedByConfig() ? "refused" : v.name().toLowerCase(java.util.Locale.ROOT),
          b.id(),
          r.status().wire(),
          c.seconds());
    }
    return new Report(cases, by);
  }

  /**
   * Up to {@code count} of a sample grouped by kind, taken a kind at a time in turn, so a kind with
   * few places to break leaves its share to the others; in the sample's order.
   */
  static List<Breakage> spread(List<Breakage> byKind, int count) {
    Map<dev.selfheal.breakage.Operator.Kind, java.util.Deque<Breakage>> queues =
        new java.util.LinkedHashMap<>();
    byKind.forEach(b -> queues.computeIfAbsent(b.kind(), k -> new java.util.ArrayDeque<>()).add(b));
    java.util.Set<Breakage> chosen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    while (chosen.size() < count && queues.values().stream().anyMatch(q -> !q.isEmpty())) {
      for (java.util.Deque<Breakage> q : queues.values()) {
        if (!q.isEmpty() && chosen.size() < count) {
          chosen.add(q.poll());
        }
      }
    }
    return byKind.stream().filter(chosen::contains).toList();
  }

  /**
   * Checks that the last commit passes its check (in the scratch clone the breakages were read
   * from) first: a breakage is measured against a green build, and a red one would have every heal
   * chase the failures already there.
   */
  private static void green(Path repo, Path clone, Environment scratch, PrintStream out)
      throws IOException, UsageException, NotGreen {
    long t0 = System.nanoTime();
    DetectService.Result r =
        new DetectService(scratch).detect(clone, null, null, null, Progress.silent());
    if (!r.detection().passed()) {
      List<Failure> f = r.detection().failures();
      throw new NotGreen(
          repo
              + ": its last commit does not pass `"
              + r.command()
              + "` ("
              + f.size()
              + " failure(s)"
              + (f.isEmpty() ? "" : "; first: " + f.get(0).headline())
              + "). A drill breaks a green commit: make it pass, or set `command` in .selfheal.yml"
              + " to the check that does");
    }
    out.printf(
        "base      %s passes `%s` (%.0f s)%n", repo, r.command(), (System.nanoTime() - t0) / 1e9);
  }
}
