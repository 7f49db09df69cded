package dev.selfheal.testing;

import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import java.util.List;
import java.util.Optional;

/** A recipe for tests: offers the given edits for every failure, with the given confidence. */
public record ScriptedRecipe(String id, double confidence, List<Edit> edits) implements FixRecipe {
  @Override
  public String description() {
    return "Scripted for a test.";
  }

  @Override
  public boolean appliesTo(Failure failure) {
    return true;
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) {
    return Optional.of(
        new Fix(
            List.of(f.fingerprint()),
            new Diagnosis(
                "scripted",
                Category.TEST_FAILURE,
                List.of(),
                confidence,
                "scripted",
                DiagnosisSource.RULES),
            id,
            edits));
  }
}
