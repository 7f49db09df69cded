package dev.selfheal.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What went wrong, as a diagnosis names it; metrics and eval slices use these words. */
public enum Category {
  TYPE_ERROR,
  TEST_FAILURE,
  LINT_ERROR,
  DEPENDENCY_ISSUE,
  BUILD_ERROR;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The value a wire word names (as reports and the history store it); unknown words are an error.
   */
  public static Category fromWire(String word) {
    for (Category v : values()) {
      if (v.wire().equals(word)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a Category word: " + word);
  }

  /** The category a failure of this kind belongs to before any deeper analysis. */
  public static Category of(FailureKind kind) {
    return switch (kind) {
      case COMPILE_ERROR -> TYPE_ERROR;
      case TEST_FAILURE -> TEST_FAILURE;
      case LINT_VIOLATION -> LINT_ERROR;
      case DEPENDENCY_ERROR -> DEPENDENCY_ISSUE;
      case BUILD_ERROR -> BUILD_ERROR;
    };
  }
}
