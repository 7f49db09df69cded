package dev.selfheal.model;

import java.util.List;
import java.util.Objects;

/**
 * A candidate fix for some failures: its diagnosis, who made it ({@code strategy}: a recipe id or
 * {@code llm:<model>}), and its edits.
 */
public record Fix(
    List<String> fingerprints, Diagnosis diagnosis, String strategy, List<Edit> edits) {
  public Fix {
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(strategy, "strategy");
    fingerprints = List.copyOf(fingerprints);
    edits = List.copyOf(edits);
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("a fix must say which failures it is for");
    }
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a fix without edits");
    }
  }

  public boolean byLlm() {
    return strategy.startsWith("llm:");
  }
}
