package dev.selfheal.fix.recipes;

import dev.selfheal.fix.FixRecipe;
import java.util.List;

/** Every recipe, in the order they are asked. */
public final class Recipes {
  private Recipes() {}

  public static List<FixRecipe> all() {
    return List.of(
        new MissingImportRecipe(),
        new RenamedMemberRecipe(),
        new MechanicalLintRecipe(),
        new SpotlessApplyRecipe(),
        new IntendedOutputRecipe(),
        new MovedTypeRecipe(),
        new ChangedSignatureRecipe(),
        new UndeclaredDependencyRecipe(),
        new DependencyConvergenceRecipe());
  }
}
