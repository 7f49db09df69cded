package dev.selfheal.detect;

import dev.selfheal.exec.CommandResult;
import dev.selfheal.model.Failure;
import java.util.List;

/**
 * What detection found: the folded failures, every test the run's fresh reports say executed, the
 * command's result (null for a log read), and notices a person should see (a malformed report, no
 * tests run although tests exist, output cut at the cap).
 */
public record Detection(
    List<Failure> failures,
    List<TestOutcome> outcomes,
    CommandResult run,
    List<String> notices,
    long logLines) {
  public Detection {
    failures = List.copyOf(failures);
    outcomes = List.copyOf(outcomes);
    notices = List.copyOf(notices);
  }

  /** True when the command passed (or the log shows nothing failing). */
  public boolean passed() {
    return failures.isEmpty() && (run == null || run.passed());
  }
}
