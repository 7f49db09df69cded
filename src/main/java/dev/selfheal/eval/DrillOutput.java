package dev.selfheal.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfheal.breakage.Grader;
import dev.selfheal.pipeline.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code selfheal drill} tells: a table per category and each miss, or the same as JSON. */
public final class DrillOutput {
  private DrillOutput() {}

  public static void table(Drill.Report r, PrintStream err) {
    err.println();
    err.printf(
        "%-18s %7s %8s %8s %6s %7s %8s %9s%n",
        "category", "broken", "fixable", "correct", "wrong", "missed", "refused", "expected");
    r.byCategory()
        .forEach(
            (cat, c) ->
                err.printf(
                    Locale.ROOT,
                    "%-18s %7d %8d %8d %6d %7d %8d %9s%n",
                    cat,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[6],
                    r.rate(cat) == null
                        ? "-"
                        : String.format(Locale.ROOT, "%.0f%%", 100 * r.rate(cat))));
    err.println();
    for (Drill.Case c : r.cases()) {
      if (c.verdict() != Grader.Verdict.CORRECT && c.verdict() != Grader.Verdict.DECLINED) {
        err.println(
            (c.refusedByConfig() ? "refused" : c.verdict().name().toLowerCase(Locale.ROOT))
                + "    "
                + c.breakage().id()
                + ": "
                + c.status().wire()
                + " — "
                + c.why());
      }
    }
    err.println(
        "expected = correct fixes / breakages a fix exists for; wrong = a false fix (worse than"
            + " none); refused = a fix your configuration's limits refused (the setting is named)");
  }

  public static String json(Drill.Report r, Path repo, int count, long seed) throws Exception {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("schema", "selfheal.drill/v1");
    doc.put("repo", repo.toString());
    doc.put("count", count);
    doc.put("seed", seed);
    ObjectNode cats = doc.putObject("categories");
    r.byCategory()
        .forEach(
            (cat, c) -> {
              ObjectNode n = cats.putObject(cat);
              n.put("broken", c[0]);
              n.put("fixable", c[1]);
              n.put("correct", c[2]);
              n.put("wrong", c[3]);
              n.put("missed", c[4]);
              n.put("declined", c[5]);
              n.put("refused_by_config", c[6]);
              Double rate = r.rate(cat);
              if (rate == null) {
                n.putNull("expected_auto_fix_rate");
              } else {
                n.put("expected_auto_fix_rate", rate);
              }
            });
    ArrayNode cases = doc.putArray("cases");
    for (Drill.Case c : r.cases()) {
      ObjectNode n = cases.addObject();
      n.put("id", c.breakage().id());
      n.put("category", c.category());
      n.put("status", c.status().wire());
      n.put(
          "verdict",
          c.refusedByConfig() ? "refused_by_config" : c.verdict().name().toLowerCase(Locale.ROOT));
      n.put("why", c.why());
      if (c.refusedBy() != null) {
        n.put("allowed_by", c.refusedBy());
      }
      n.put("seconds", Math.round(c.seconds() * 10) / 10.0);
    }
    return Json.mapper().writeValueAsString(doc);
  }
}
