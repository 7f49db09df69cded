package dev.selfheal.breakage;

import java.util.Map;

/** What a healer should do about a breakage: the fix its operator knows, or none. */
public sealed interface Expectation {
  /** The recipe expected to carry the fix (a recipe id), or null when none should. */
  String recipe();

  /**
   * The fix is known exactly: these files, with these texts (compared with imports as a set, blank
   * lines and trailing spaces ignored, and a pom's dependencies as a set).
   */
  record Files(String recipe, Map<String, String> texts) implements Expectation {
    public Files {
      if (recipe == null || recipe.isBlank() || texts.isEmpty()) {
        throw new IllegalArgumentException("an exact expectation names a recipe and files");
      }
      texts = Map.copyOf(texts);
    }
  }

  /**
   * An intended output change: the fix updates expected literals in assertions of test files and
   * nothing else (which literal values is for the tests to say).
   */
  record TestLiterals(String recipe) implements Expectation {}

  /**
   * A regression whose right fix restores these files exactly; declining is right too, when the
   * evidence for a fix is thin (only the failing test runs the changed line). Any other fix is
   * wrong.
   */
  record Restore(String recipe, Map<String, String> texts) implements Expectation {
    public Restore {
      if (recipe == null || recipe.isBlank() || texts.isEmpty()) {
        throw new IllegalArgumentException("a restore names a recipe and files");
      }
      texts = Map.copyOf(texts);
    }
  }

  /** No fix is right: a recipe that offers one is wrong, whatever it compiles to. */
  record None(String reason) implements Expectation {
    @Override
    public String recipe() {
      return null;
    }
  }
}
