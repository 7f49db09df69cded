package dev.selfheal.corpus;

import dev.selfheal.breakage.Grader.Verdict;
import dev.selfheal.breakage.Operator;
import dev.selfheal.model.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The corpus figures as Markdown: per kind, then every variant. */
final class CorpusTable {
  private CorpusTable() {}

  static String render(List<RecipeCorpusIT.Outcome> outcomes) {
    Map<Operator.Kind, int[]> byKind = new EnumMap<>(Operator.Kind.class);
    for (RecipeCorpusIT.Outcome o : outcomes) {
      int[] c = byKind.computeIfAbsent(o.breakage().kind(), k -> new int[6]);
      c[0]++;
      if (o.status() == Status.NO_FAILURE) {
        c[1]++;
        continue;
      }
      c[2 + o.verdict().ordinal()]++;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| breakage | expected | variants | did not break | correct | wrong (false fix) | missed | rightly declined |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    int[] total = new int[6];
    for (Map.Entry<Operator.Kind, int[]> e : byKind.entrySet()) {
      int[] c = e.getValue();
      String expected =
          outcomes.stream()
              .filter(o -> o.breakage().kind() == e.getKey())
              .map(o -> o.breakage().expected().recipe())
              .map(r -> r == null ? "no fix" : "`" + r + "`")
              .findFirst()
              .orElse("");
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %d | %d | %d | %d |%n",
              e.getKey().id(),
              expected,
              c[0],
              c[1],
              c[2 + Verdict.CORRECT.ordinal()],
              c[2 + Verdict.WRONG.ordinal()],
              c[2 + Verdict.MISSED.ordinal()],
              c[2 + Verdict.DECLINED.ordinal()]));
      for (int i = 0; i < 6; i++) {
        total[i] += c[i];
      }
    }
    int broken = total[0] - total[1];
    int fixable = broken - outcomesExpectingNone(outcomes);
    sb.append(
        String.format(
            Locale.ROOT,
            "%nFix rate %d/%d (%.0f%%) of broken variants that have a fix; false fixes %d/%d (%.1f%%) of all broken variants.%n",
            total[2 + Verdict.CORRECT.ordinal()],
            fixable,
            fixable == 0 ? 0.0 : 100.0 * total[2 + Verdict.CORRECT.ordinal()] / fixable,
            total[2 + Verdict.WRONG.ordinal()],
            broken,
            broken == 0 ? 0.0 : 100.0 * total[2 + Verdict.WRONG.ordinal()] / broken));
    sb.append(
        "\n| variant | project | status | fixed by | verdict | ms |\n| --- | --- | --- | --- | --- | --- |\n");
    for (RecipeCorpusIT.Outcome o : outcomes) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %d |%n",
              o.breakage().id(),
              o.project(),
              o.status().wire(),
              o.fixedBy(),
              o.status() == Status.NO_FAILURE ? "-" : o.verdict().name().toLowerCase(Locale.ROOT),
              o.millis()));
    }
    return sb.toString();
  }

  private static int outcomesExpectingNone(List<RecipeCorpusIT.Outcome> outcomes) {
    return (int)
        outcomes.stream()
            .filter(o -> o.status() != Status.NO_FAILURE)
            .filter(o -> o.breakage().expected().recipe() == null)
            .count();
  }
}
