package dev.selfheal.eval;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.llm.Answers;
import dev.selfheal.llm.Cassettes;
import dev.selfheal.llm.Judge;
import dev.selfheal.llm.LlmException;
import dev.selfheal.llm.LlmSession;
import dev.selfheal.llm.LlmSettings;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Status;
import dev.selfheal.pipeline.Environment;
import java.util.List;
import java.util.Optional;

/**
 * The LLM-as-judge grader: with a provider configured, a model scores whether each validated fix is
 * the right one; with none, the judge's recorded verdicts are replayed (a verdict with no recording
 * is a miss, never made up); with neither it is skipped, and the scorecard says so.
 */
final class JudgeGrader {
  private JudgeGrader() {}

  /**
   * Whether a judge (live or replayed) was there to ask, and how many verdicts had no recording.
   */
  record Run(boolean ran, int misses) {}

  /** {@code env} is the cases' own: it says whether verdicts are replayed, recorded or asked. */
  static Run apply(List<CaseRunner.Result> results, Environment env, SelfhealConfig config) {
    Optional<LlmSession> session =
        LlmSession.open(
            LlmSettings.resolve(config.llm(), env.env(), false),
            env.env(),
            env.redactor(),
            1.00 * Math.max(1, results.size()));
    int misses = 0;
    for (CaseRunner.Result r : results) {
      if (session.isEmpty()) {
        r.grades().put("judge", Grade.skipped("no LLM provider configured"));
      } else if (r.status() != Status.HEALED) {
        r.grades().put("judge", Grade.skipped("no fix to judge"));
      } else {
        Grade g = judge(session.get(), r);
        misses += g.ran() ? 0 : g.note().contains(Cassettes.MISS) ? 1 : 0;
        r.grades().put("judge", g);
      }
    }
    return new Run(session.isPresent(), misses);
  }

  private static Grade judge(LlmSession s, CaseRunner.Result r) {
    StringBuilder c = new StringBuilder();
    // Tags in a fixed order: the prompt must be the same on every run for its recording to replay.
    c.append("case: ")
        .append(r.c().id())
        .append(" ")
        .append(new java.util.TreeMap<>(r.c().tags()))
        .append("\n");
    for (Fix f : r.report().fixes()) {
      c.append("diagnosis: ").append(f.diagnosis().rootCause()).append("\n");
      c.append("strategy: ").append(f.strategy()).append("\n");
    }
    c.append("diff:\n").append(r.report().patch().diff());
    try {
      Judge.Judgement j = Judge.ask(s, c.toString());
      return new Grade(true, j.right(), j.score(), null, j.reason());
    } catch (LlmException | Answers.Invalid e) {
      return Grade.skipped("the judge could not answer: " + e.getMessage());
    }
  }
}
