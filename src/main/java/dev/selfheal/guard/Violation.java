package dev.selfheal.guard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/** A guardrail that refused a candidate, and why. */
public record Violation(Rule rule, String detail) {
  public enum Rule {
    MAX_FILES_CHANGED,
    MAX_LINES_CHANGED,
    FORBIDDEN_PATHS,
    PATH_ESCAPE,
    CONFIDENCE,
    TEST_WEAKENING,
    CHECKS_DISABLED,
    BUILD_FILES;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }
}
