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
 * (the one case where a test's expected value may change).
 */
public record GuardInput(
    List<Fix> fixes,
    Patch patch,
    Path repo,
    SelfhealConfig.Safety safety,
    Set<String> intendedOutputChanges) {
  public GuardInput {
    fixes = List.copyOf(fixes);
    intendedOutputChanges = Set.copyOf(intendedOutputChanges);
  }
}
