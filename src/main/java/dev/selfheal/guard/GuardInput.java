package dev.selfheal.guard;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.model.Fix;
import dev.selfheal.model.Patch;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the guardrails judge: the fixes, their combined patch, the repository they would change, and
 * the fingerprints for which selfheal's own analysis established a declared, intended output change
 * (the one case where a test's expected value may change), and the test harness: files the check
 * command runs that are not tests but decide whether they pass ({@link TestHarness}).
 */
public record GuardInput(
    List<Fix> fixes,
    Patch patch,
    Path repo,
    SelfhealConfig.Safety safety,
    Set<String> intendedOutputChanges,
    Set<String> testHarness) {
  public GuardInput {
    fixes = List.copyOf(fixes);
    intendedOutputChanges = Set.copyOf(intendedOutputChanges);
    testHarness = Set.copyOf(testHarness);
  }

  /** Without harness files (the scripts and test configuration the command runs). */
  public GuardInput(
      List<Fix> fixes,
      Patch patch,
      Path repo,
      SelfhealConfig.Safety safety,
      Set<String> intendedOutputChanges) {
    this(fixes, patch, repo, safety, intendedOutputChanges, Set.of());
  }
}
