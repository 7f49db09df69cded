package dev.selfheal.model;

import java.util.Objects;

/** One stack frame that lies in the project's own files. */
public record StackFrame(String file, int line, String method) {
  public StackFrame {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line must be positive: " + line);
    }
  }
}
