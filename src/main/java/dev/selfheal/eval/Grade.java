package dev.selfheal.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One grader's verdict on one case: whether it ran (a judge without a model does not), whether the
 * case passed it, a score in 0..1, and each check it made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grade(
    boolean ran, Boolean passed, Double score, Map<String, Boolean> checks, String note) {
  public Grade {
    checks = checks == null ? null : Map.copyOf(new LinkedHashMap<>(checks));
  }

  public static Grade skipped(String why) {
    return new Grade(false, null, null, null, why);
  }

  /** Passed when every check passed; the score is the share that did. */
  public static Grade of(Map<String, Boolean> checks, String note) {
    long ok = checks.values().stream().filter(Boolean::booleanValue).count();
    return new Grade(
        true,
        ok == checks.size(),
        checks.isEmpty() ? 1.0 : (double) ok / checks.size(),
        checks,
        note);
  }
}
