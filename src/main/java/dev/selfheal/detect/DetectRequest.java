package dev.selfheal.detect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to detect from: run {@code command} in {@code repo}, or read {@code logs} (a log written
 * elsewhere, e.g. by CI). {@code runLog} is where the command's output goes.
 */
public record DetectRequest(Path repo, String command, Path logs, Duration timeout, Path runLog) {
  public DetectRequest {
    Objects.requireNonNull(repo, "repo");
    if ((command == null) == (logs == null)) {
      throw new IllegalArgumentException("exactly one of command and logs");
    }
    if (command != null) {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(runLog, "runLog");
    }
  }
}
