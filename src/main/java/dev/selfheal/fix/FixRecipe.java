package dev.selfheal.fix;

import dev.selfheal.model.Failure;
import dev.selfheal.model.Fix;
import java.util.Optional;

/**
 * One routine breakage and its fix, deterministic, no model. A recipe that is unsure returns empty;
 * its confidence is the evidence it found, never a guess dressed as certainty. Applying its fix and
 * running it again changes nothing the second time.
 */
public interface FixRecipe {
  String id();

  /** One sentence a reviewer reads in the pull request. */
  String description();

  /** A cheap check on the failure alone, before any file is read. */
  boolean appliesTo(Failure failure);

  Optional<Fix> fix(Failure failure, FixContext ctx) throws java.io.IOException;
}
