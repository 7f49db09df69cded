package dev.selfheal.fix;

import dev.selfheal.fix.recipes.Recipes;
import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks every recipe that applies to a failure for a fix. A recipe that throws is contained and
 * named in the result, and the heal goes on with the others.
 */
public final class RecipeRunner {
  private final List<FixRecipe> recipes;

  public RecipeRunner(List<FixRecipe> recipes) {
    this.recipes = List.copyOf(recipes);
  }

  public static RecipeRunner standard() {
    return new RecipeRunner(Recipes.all());
  }

  /**
   * @param declined why recipes that recognised the failure would not fix it
   */
  public record Result(List<Fix> candidates, List<String> problems, List<String> declined) {
    public Result(List<Fix> candidates, List<String> problems) {
      this(candidates, problems, List.of());
    }
  }

  public Result candidates(Failure failure, FixContext ctx) {
    List<Fix> fixes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> declined = new ArrayList<>();
    ctx.takeDeclines();
    for (FixRecipe r : recipes) {
      if (!r.appliesTo(failure)) {
        continue;
      }
      try {
        Optional<Fix> f = r.fix(failure, ctx);
        f.ifPresent(fixes::add);
      } catch (Exception | StackOverflowError e) {
        problems.add("recipe " + r.id() + " crashed on " + failure.fingerprint() + ": " + e);
      }
      ctx.takeDeclines().forEach(why -> declined.add(r.id() + " declined: " + why));
    }
    fixes.sort((a, b) -> Double.compare(b.diagnosis().confidence(), a.diagnosis().confidence()));
    return new Result(fixes, problems, declined);
  }
}
