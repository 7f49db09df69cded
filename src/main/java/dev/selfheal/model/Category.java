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
