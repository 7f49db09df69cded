package dev.selfheal.eval;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.llm.Answers;
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
 * the right one; without one it is skipped, and the scorecard says so.
 */
final class JudgeGrader {
  private JudgeGrader() {}

  static void apply(List<CaseRunner.Result> results, Environment env, boolean live) {
    Optional<LlmSession> session =
        live
            ? LlmSession.open(
                LlmSettings.resolve(SelfhealConfig.defaults().llm(), env.env(), false),
                stripCassettes(env),
                env.redactor(),
                1.00 * Math.max(1, results.size()))
            : Optional.empty();
    for (CaseRunner.Result r : results) {
      if (session.isEmpty()) {
        r.grades().put("judge", Grade.skipped("no LLM provider configured"));
      } else if (r.status() != Status.HEALED) {
        r.grades().put("judge", Grade.skipped("no fix to judge"));
      } else {
        r.grades().put("judge", judge(session.get(), r));
      }
    }
  }

  private static java.util.Map<String, String> stripCassettes(Environment env) {
    java.util.Map<String, String> m = new java.util.HashMap<>(env.env());
    m.remove("SELFHEAL_LLM_CASSETTES");
    return m;
  }

  private static Grade judge(LlmSession s, CaseRunner.Result r) {
    StringBuilder c = new StringBuilder();
    c.append("case: ").append(r.c().id()).append(" ").append(r.c().tags()).append("\n");
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
