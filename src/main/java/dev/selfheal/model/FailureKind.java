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

  /**
   * The value a wire word names (as reports and the history store it); unknown words are an error.
   */
  public static FailureKind fromWire(String word) {
    for (FailureKind v : values()) {
      if (v.wire().equals(word)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a FailureKind word: " + word);
  }
}
