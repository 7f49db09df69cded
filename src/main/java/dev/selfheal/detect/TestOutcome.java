package dev.selfheal.detect;

import java.util.Objects;

/** One test case a report says ran, and how it ended; the evidence that a test really executed. */
public record TestOutcome(String id, Result result) {
  public enum Result {
    PASSED,
    FAILED,
    SKIPPED
  }

  public TestOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(result, "result");
  }
}
