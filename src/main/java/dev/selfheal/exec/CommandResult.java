package dev.selfheal.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How a command ended. {@code exitCode} is meaningless when {@code timedOut}; {@code outputBytes}
 * counts everything the command printed, kept or not.
 */
public record CommandResult(
    String command,
    int exitCode,
    boolean timedOut,
    Instant startedAt,
    Duration elapsed,
    Path output,
    long outputBytes,
    boolean outputTruncated) {

  public boolean passed() {
    return !timedOut && exitCode == 0;
  }
}
