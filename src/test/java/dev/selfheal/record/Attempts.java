package dev.selfheal.record;

import dev.selfheal.model.Category;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Status;
import java.time.Instant;
import java.util.List;

/** Attempts for tests, with what matters set and the rest plausible. */
final class Attempts {
  private Attempts() {}

  static Attempt sample(String id, String repo, Instant at) {
    return of(
        id,
        repo,
        at,
        Status.HEALED,
        Category.TYPE_ERROR,
        "java/missing-import",
        4_000,
        null,
        "fp-" + id,
        "A.java");
  }

  static Attempt of(
      String id,
      String repo,
      Instant at,
      Status status,
      Category category,
      String strategy,
      long toFixMs,
      String prUrl,
      String fingerprint,
      String file) {
    return new Attempt(
        id,
        repo,
        "c0ffee",
        "main",
        at,
        status,
        category,
        strategy,
        "message for " + id,
        0,
        status == Status.HEALED ? 1 : 0,
        status == Status.HEALED ? 2 : 0,
        status == Status.HEALED ? List.of(file) : List.of(),
        new Attempt.Timings(1000, 10, 20, toFixMs - 1030, 500, toFixMs + 500),
        null,
        0,
        0,
        0.0,
        prUrl,
        Attempt.PrOutcome.UNKNOWN,
        List.of(new Attempt.FailureRef(FailureKind.COMPILE_ERROR, fingerprint, file)));
  }
}
