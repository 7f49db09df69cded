package dev.selfheal.fix.logic;

import dev.selfheal.localize.Localization;
import dev.selfheal.localize.TestWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tries candidates in the warm worker, in order, within a time budget and a cap: each must pass the
 * failing tests and every passing test that runs the lines it changes (a candidate that only
 * satisfies the failing test is not a fix). After the first survivor, only candidates no larger are
 * tried; a surviving partial revert wins, else the smallest survivor.
 */
final class CandidateSearch {
  /** Past the first survivor, how many more no-larger candidates are looked at. */
  static final int LOOK_PAST_FIRST = 60;

  private CandidateSearch() {}

  /**
   * @param coveringTests the passing tests that run the changed lines (and still pass)
   * @param failingCovering the failing tests that run them (and pass now)
   */
  record Survivor(Candidate candidate, List<String> coveringTests, List<String> failingCovering) {}

  /**
   * @param notes what went wrong on the way (the worker failing), for the heal's notices
   */
  record Outcome(
      List<Survivor> survivors,
      int tried,
      int notCompiled,
      int hung,
      long millis,
      boolean outOfTime,
      List<String> notes) {}

  static Outcome run(
      List<Candidate> pool, Localization loc, TestWorker worker, long deadlineNanos, int cap)
      throws InterruptedException {
    long t0 = System.nanoTime();
    List<Survivor> survivors = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int tried = 0;
    int notCompiled = 0;
    int hung = 0;
    int past = 0;
    boolean outOfTime = false;
    for (Candidate c : pool) {
      if (tried == cap) {
        notes.add("stopped at the cap of " + cap + " candidates");
        break;
      }
      if (System.nanoTime() > deadlineNanos) {
        outOfTime = true;
        break;
      }
      if (!survivors.isEmpty()) {
        if (past++ == LOOK_PAST_FIRST) {
          break;
        }
        if (c.size() > survivors.get(0).candidate().size()
            && !(c.template() instanceof PartialRevert)) {
          continue;
        }
      }
      List<String> covering = loc.passingTestsCovering(c.file(), c.lines());
      List<String> tests = new ArrayList<>(loc.failingTests());
      tests.addAll(covering);
      tried++;
      List<TestWorker.Result> results;
      try {
        results =
            worker.run(false, tests, Map.of(c.className(), c.newText()), t -> deadline(loc, t));
      } catch (TestWorker.Failed e) {
        if (e.getMessage().startsWith("does not compile")) {
          notCompiled++;
          continue;
        }
        notes.add("the test worker failed: " + e.getMessage());
        break;
      }
      if (results.stream().anyMatch(r -> r.result().equals("HUNG"))) {
        hung++;
      }
      boolean allPassed =
          results.size() == tests.size() && results.stream().allMatch(TestWorker.Result::passed);
      if (allPassed) {
        survivors.add(new Survivor(c, covering, loc.failingTestsCovering(c.file(), c.lines())));
      }
    }
    // A partial revert restores code the suite passed on: it wins over any guess. Among guesses,
    // the smallest wins (the least behaviour changed), then the most promising.
    survivors.sort(
        java.util.Comparator.comparing(
                (Survivor s) -> !(s.candidate().template() instanceof PartialRevert))
            .thenComparingInt(s -> s.candidate().size())
            .thenComparing(s -> -s.candidate().score()));
    return new Outcome(
        survivors,
        tried,
        notCompiled,
        hung,
        (System.nanoTime() - t0) / 1_000_000,
        outOfTime,
        notes);
  }

  /**
   * A test's time limit against a candidate: three times what it took before, at least two seconds
   * and at most ten (a candidate that loops costs one such wait and a new worker).
   */
  private static Duration deadline(Localization loc, String test) {
    long ms = loc.millis(test);
    return Duration.ofMillis(Math.min(10_000, Math.max(2_000, 3 * ms + 500)));
  }
}
