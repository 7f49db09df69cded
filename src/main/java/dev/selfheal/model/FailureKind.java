package dev.selfheal.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the detector saw. Closed set; the wire names are DESIGN.md's words. */
public enum FailureKind {
  COMPILE_ERROR,
  TEST_FAILURE,
  LINT_VIOLATION,
  DEPENDENCY_ERROR,
  BUILD_ERROR;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
