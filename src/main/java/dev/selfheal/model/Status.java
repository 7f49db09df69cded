package dev.selfheal.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a heal ended, with the process exit code DESIGN.md gives each. */
public enum Status {
  HEALED(0),
  NO_FAILURE(0),
  FLAKY(0),
  NOT_REPRODUCED(3),
  NOT_HEALED(3),
  REJECTED(3);

  private final int exitCode;

  Status(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The value a wire word names (as reports and the history store it); unknown words are an error.
   */
  public static Status fromWire(String word) {
    for (Status v : values()) {
      if (v.wire().equals(word)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a Status word: " + word);
  }
}
