package dev.selfheal.eval;

import dev.selfheal.breakage.Breakage;
import dev.selfheal.config.Glob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One case of the golden set: a small real project at a broken commit, kept compactly as a base
 * project plus a breaking change, with its tags (each tag value is a slice), the outcome it
 * expects, and the files a correct fix may touch. {@code expectedWithLlm} (may be null: the same)
 * is the outcome expected when the LLM tier answered in the heal: a logic bug no recipe fits is
 * rightly {@code not_healed} by the recipes, and should be {@code healed} by a model.
 */
public record GoldenCase(
    String id,
    Map<String, String> tags,
    Expected expected,
    Expected expectedWithLlm,
    List<String> allowedFiles,
    List<String> mentions,
    String command,
    Source source) {

  public static final List<String> TAGS = List.of("category", "tool", "difficulty", "expected");

  public GoldenCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(source, "source");
    tags = new LinkedHashMap<>(tags);
    tags.put("expected", expected.wire());
    for (String t : TAGS) {
      if (tags.get(t) == null || tags.get(t).isBlank()) {
        throw new IllegalArgumentException(id + ": the tag " + t + " is missing");
      }
    }
    tags = Map.copyOf(tags);
    allowedFiles = List.copyOf(allowedFiles);
    mentions = List.copyOf(mentions);
  }

  /** How the broken commit is made. */
  public sealed interface Source {
    Path base();
  }

  /** The breakage operators' work on a green base project. */
  public record Generated(Path base, Breakage breakage) implements Source {}

  /**
   * A hand-written case: the base, then a commit writing the files under {@code change} and
   * deleting {@code deletes}; {@code fix} holds the files of a correct fix (for the self-test),
   * {@code ciLog} a CI log to heal from, {@code config} a {@code .selfheal.yml} to heal with.
   */
  public record Handwritten(
      Path base,
      Path change,
      Set<String> deletes,
      String message,
      Path fix,
      Path ciLog,
      Path config)
      implements Source {}

  /** The outcome this heal must end with: the LLM tier's when it answered, else the recipes'. */
  public Expected expectedFor(boolean llmAnswered) {
    return llmAnswered && expectedWithLlm != null ? expectedWithLlm : expected;
  }

  public String tag(String name) {
    return tags.get(name);
  }

  public boolean hasTagValue(String value) {
    return tags.containsValue(value) || id.equals(value) || id.startsWith(value + "/");
  }

  /** Whether a correct fix may touch this file (allowed files are gitignore-style globs). */
  public boolean mayTouch(String file) {
    return allowedFiles.stream().anyMatch(g -> g.equals(file) || Glob.of(g).matches(file));
  }
}
