package dev.selfheal.deliver;

import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.Patch;
import java.util.List;
import java.util.Objects;

/**
 * What a reviewer needs to trust a fix, gathered by the pipeline: why it broke, what changed, the
 * tests before and after, what the guardrails said, who wrote the fix and what it cost.
 */
public record PrEvidence(
    List<Diagnosis> diagnoses,
    List<String> strategies,
    Patch patch,
    List<String> failingBefore,
    List<String> targetedTests,
    int targetedExecuted,
    int fullTestsRun,
    List<String> guardrailViolations,
    String llmModel,
    long llmTokens,
    double llmCostUsd,
    String failingCommit,
    String targetBranch,
    String reportJson,
    PrContext context) {
  public PrEvidence {
    diagnoses = List.copyOf(diagnoses);
    strategies = List.copyOf(strategies);
    Objects.requireNonNull(patch, "patch");
    failingBefore = List.copyOf(failingBefore);
    targetedTests = List.copyOf(targetedTests);
    guardrailViolations = List.copyOf(guardrailViolations);
    Objects.requireNonNull(failingCommit, "failingCommit");
    Objects.requireNonNull(targetBranch, "targetBranch");
    Objects.requireNonNull(reportJson, "reportJson");
    if (diagnoses.isEmpty()) {
      throw new IllegalArgumentException("a PR explains its fix: no diagnosis given");
    }
  }

  /** One line for the PR title and the commit subject: what the fix changes. */
  public String summary() {
    return PrTitle.of(diagnoses, strategies);
  }
}
