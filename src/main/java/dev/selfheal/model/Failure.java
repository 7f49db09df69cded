package dev.selfheal.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One failure the detector saw. {@code file} is relative to the repository with forward slashes
 * (null when the log names none); {@code test} is the test id ({@code pkg.Class#method}, a pytest
 * node id, or {@code file::name}); the fingerprint is computed, never given.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Failure(
    FailureKind kind,
    String file,
    Integer line,
    Integer column,
    String message,
    String test,
    String excerpt,
    String fingerprint,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) FailureDetails details) {

  private static final int MAX_MESSAGE = 2_000;
  private static final int MAX_EXCERPT = 4_000;

  public Failure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (line != null && line < 1) {
      throw new IllegalArgumentException("line must be positive: " + line);
    }
    if (column != null && column < 1) {
      throw new IllegalArgumentException("column must be positive: " + column);
    }
    details = details == null ? FailureDetails.NONE : details;
  }

  /** A failure with its fingerprint computed from kind, path, message and test. */
  public static Failure of(
      FailureKind kind,
      String file,
      Integer line,
      Integer column,
      String message,
      String test,
      String excerpt,
      FailureDetails details) {
    String msg = clip(message == null ? "" : message.strip(), MAX_MESSAGE);
    String ex = excerpt == null ? null : clip(excerpt, MAX_EXCERPT);
    String fp =
        Fingerprint.of(kind, file, msg, test, details == null ? null : details.exceptionType());
    return new Failure(kind, file, line, column, msg, test, ex, fp, details);
  }

  /** One line for a person: the test (else the file and line) and the message's first line. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String headline() {
    String at = test != null ? test : file == null ? null : file + (line == null ? "" : ":" + line);
    String first = message.lines().findFirst().orElse("");
    return at == null ? first : at + ": " + first;
  }

  public Failure withDetails(FailureDetails d) {
    return new Failure(kind, file, line, column, message, test, excerpt, fingerprint, d);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
