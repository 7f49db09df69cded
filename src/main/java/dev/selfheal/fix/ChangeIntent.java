package dev.selfheal.fix;

import dev.selfheal.vcs.BreakingChange;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the breaking change says it changed behaviour on purpose: a {@code feat:} commit, or one
 * that says the output changed intentionally. With that, a failing assertion may be the test's to
 * update ({@code java/intended-output-change}); without it, the tests caught a regression, and
 * restoring the old behaviour ({@code java/logic-repair}'s partial revert) is allowed.
 */
public final class ChangeIntent {
  private static final Pattern FEAT = Pattern.compile("^feat(\\([^)]*\\))?!?:", Pattern.MULTILINE);
  private static final Pattern ON_PURPOSE =
      Pattern.compile(
          "(?i)\\b(intended|intentional(ly)?|on purpose|deliberate(ly)?|(output|message|format|wording|text) (now|changed|change))\\b");

  private ChangeIntent() {}

  /** The first commit message that declares the intent, if any does. */
  public static Optional<String> declared(BreakingChange change) {
    return change.messages().stream()
        .filter(m -> FEAT.matcher(m).find() || ON_PURPOSE.matcher(m).find())
        .findFirst();
  }
}
