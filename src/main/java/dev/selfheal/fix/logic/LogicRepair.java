package dev.selfheal.fix.logic;

import dev.selfheal.fix.FixContext;
import dev.selfheal.localize.Localization;
import dev.selfheal.localize.TestWorker;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The logic tier: repair templates at the localized lines, checked in the warm worker, the smallest
 * survivor proposed as a fix with the evidence behind it. Its confidence is that evidence: a change
 * that passing tests also run and still pass is likelier right than one only the failing test
 * reaches, which stays below the default threshold. The usual guardrails and the project's own
 * targeted and full runs follow; nothing is healed on the worker's word.
 */
public final class LogicRepair {
  public static final String ID = "java/logic-repair";

  private LogicRepair() {}

  /** What the tier did, fix or not: for the heal's notices and the report. */
  public record Report(
      Optional<Fix> fix,
      String summary,
      int candidates,
      int tried,
      int notCompiled,
      int hung,
      int survivors,
      long millis,
      List<String> notes) {}

  public static Report repair(
      Localization loc,
      TestWorker worker,
      List<Failure> failures,
      FixContext ctx,
      long deadlineNanos,
      int cap)
      throws IOException, InterruptedException {
    List<Candidate> pool = CandidatePool.of(loc, ctx, Templates.all());
    CandidateSearch.Outcome o = CandidateSearch.run(pool, loc, worker, deadlineNanos, cap);
    String tally =
        pool.size()
            + " candidate(s) at the top "
            + Math.min(CandidatePool.MAX_LINES, loc.ranked().size())
            + " line(s); "
            + o.tried()
            + " tried in "
            + o.millis()
            + " ms ("
            + o.notCompiled()
            + " did not compile, "
            + o.hung()
            + " hung)";
    if (o.survivors().isEmpty()) {
      String why =
          o.outOfTime()
              ? "no candidate passed the failing and covering tests before the time budget ran out"
              : "no candidate passed the failing tests and the tests that cover its lines";
      return new Report(
          Optional.empty(),
          why + "; " + tally,
          pool.size(),
          o.tried(),
          o.notCompiled(),
          o.hung(),
          0,
          o.millis(),
          o.notes());
    }
    CandidateSearch.Survivor best = o.survivors().get(0);
    Ambiguity ambiguous =
        ambiguity(best.candidate(), o.survivors().subList(1, o.survivors().size()));
    Candidate c = best.candidate();
    Optional<Edit> edit = Edits.between(c.file(), ctx.read(c.file()), c.newText());
    if (edit.isEmpty()) {
      return new Report(
          Optional.empty(),
          "the surviving patch could not be written as an edit; " + tally,
          pool.size(),
          o.tried(),
          o.notCompiled(),
          o.hung(),
          o.survivors().size(),
          o.millis(),
          o.notes());
    }
    List<String> fingerprints =
        failures.stream().filter(f -> loc.reproduces(f.test())).map(Failure::fingerprint).toList();
    double confidence =
        confidence(c, best.coveringTests().size(), best.failingCovering().size(), ambiguous);
    Diagnosis d =
        new Diagnosis(
            c.file()
                + ":"
                + c.firstLine()
                + (c.suspect().method() == null ? "" : " in " + c.suspect().method())
                + ": "
                + c.mutation().what(),
            Category.TEST_FAILURE,
            List.of(c.file()),
            confidence,
            Evidence.reasoning(
                c,
                best.coveringTests(),
                best.failingCovering(),
                loc,
                o.survivors().size(),
                ambiguous != Ambiguity.NONE,
                tally),
            DiagnosisSource.RULES);
    Fix fix = new Fix(fingerprints, d, c.strategy(), List.of(edit.get()));
    return new Report(
        Optional.of(fix),
        "found " + c.strategy() + " at " + c.file() + ":" + c.firstLine() + "; " + tally,
        pool.size(),
        o.tried(),
        o.notCompiled(),
        o.hung(),
        o.survivors().size(),
        o.millis(),
        o.notes());
  }

  /**
   * How sure: a partial revert of a change that declared no intent is the strongest kind, and a
   * short one stays above the threshold even when only failing tests run its lines (they are put
   * back as the suite last passed them). For any other template, passing tests that run the changed
   * lines and still pass raise it; without any, the failing tests that run them are all the
   * evidence: one alone (the patch may only satisfy it) keeps it well below 0.7, two below, three
   * or more at about the threshold. Another patch as small that also passes, or a line far down the
   * ranking, lower it.
   */
  static double confidence(Candidate c, int passing, int failing, Ambiguity ambiguous) {
    boolean revert = c.template() instanceof PartialRevert;
    double base = revert ? 0.85 : 0.75;
    double v;
    if (passing == 0 && revert && c.lastLine() - c.firstLine() < 3) {
      // A revert's evidence is not coverage: the lines are put back as the suite last passed
      // them, under a change that declared no new behaviour, and the full suite runs again.
      v = 0.72;
    } else if (passing == 0) {
      v = failing <= 1 ? 0.55 : failing == 2 ? 0.62 : base - 0.03;
    } else {
      v = base + (passing >= 3 ? 0.05 : 0);
    }
    v -= ambiguous == Ambiguity.TIED ? 0.1 : ambiguous == Ambiguity.OUTRANKED ? 0.03 : 0;
    if (c.suspect().rank() > 10) {
      v -= 0.05;
    }
    return Math.max(0.3, Math.min(0.95, Math.round(v * 100) / 100.0));
  }

  /**
   * Another patch as small that passes too: a real doubt when it sits at a line ranked as high, a
   * small one when the ranking prefers this patch's line. A partial revert is doubted only by
   * another revert: it puts back what the suite last passed with, under a change that declared no
   * new behaviour, while a template's patch that also passes is a guess the revert outranks (often
   * the same code spelt another way, {@code + 1} → {@code + 0} beside dropping {@code + 1}).
   */
  static Ambiguity ambiguity(Candidate best, List<CandidateSearch.Survivor> others) {
    boolean revert = best.template() instanceof PartialRevert;
    Ambiguity ambiguous = Ambiguity.NONE;
    for (CandidateSearch.Survivor s : others) {
      Candidate o = s.candidate();
      if (o.size() != best.size()
          || o.newText().equals(best.newText())
          || (revert && !(o.template() instanceof PartialRevert))) {
        continue;
      }
      Ambiguity a =
          o.suspect().rank() <= best.suspect().rank() ? Ambiguity.TIED : Ambiguity.OUTRANKED;
      ambiguous = a.ordinal() > ambiguous.ordinal() ? a : ambiguous;
    }
    return ambiguous;
  }

  /** Whether another patch as small also passed, and how its line ranked against this one's. */
  enum Ambiguity {
    NONE,
    OUTRANKED,
    TIED
  }
}
