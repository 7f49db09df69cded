package dev.selfheal.pipeline;

import dev.selfheal.fix.recipes.IntendedOutputRecipe;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Fix;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the heal loop asks of a round's fixes: which it tried, how to name them, what they intend.
 */
final class FixSets {
  private FixSets() {}

  /**
   * Failures whose intended output change selfheal's own analysis established (never a model's
   * word).
   */
  static Set<String> intended(List<Fix> fixes) {
    Set<String> out = new HashSet<>();
    fixes.stream()
        .filter(f -> f.strategy().equals(IntendedOutputRecipe.ID))
        .forEach(f -> out.addAll(f.fingerprints()));
    return out;
  }

  /**
   * A fix is what it writes: the same edits proposed again in a later round, by any failure's
   * recipe, count as already tried.
   */
  static String signature(Fix f) {
    StringBuilder sb = new StringBuilder(f.strategy());
    for (Edit e : f.edits()) {
      sb.append('\u0000')
          .append(e.file())
          .append('\u0000')
          .append(e.oldText())
          .append('\u0000')
          .append(e.newText());
    }
    return sb.toString();
  }

  /** For progress lines and the workspace's commit messages: each fix's recipe and root cause. */
  static String describe(List<Fix> fixes) {
    return String.join(
        "; ",
        fixes.stream().map(f -> f.strategy() + " (" + f.diagnosis().rootCause() + ")").toList());
  }
}
