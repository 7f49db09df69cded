package dev.selfheal.model;

import java.util.List;
import java.util.Objects;

/**
 * What went wrong, in the words of the pipeline's public description: the root cause, its category
 * ({@code failure_type}), the files involved, how sure, and reasoning a reviewer can check.
 */
public record Diagnosis(
    String rootCause,
    Category failureType,
    List<String> affectedFiles,
    double confidence,
    String reasoning,
    DiagnosisSource source) {

  public Diagnosis {
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(failureType, "failureType");
    Objects.requireNonNull(reasoning, "reasoning");
    Objects.requireNonNull(source, "source");
    if (rootCause.isBlank()) {
      throw new IllegalArgumentException("rootCause is empty");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
    affectedFiles = List.copyOf(affectedFiles);
  }
}
