package dev.selfheal.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A shell command to run in a directory, with a time limit, its combined output written to {@code
 * output}, at most {@code maxOutputBytes} of it kept (the rest is drained and counted).
 */
public record CommandSpec(
    String command,
    Path workDir,
    Duration timeout,
    Path output,
    long maxOutputBytes,
    Map<String, String> extraEnv) {

  public static final long DEFAULT_MAX_OUTPUT = 2L * 1024 * 1024 * 1024;

  public CommandSpec {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(output, "output");
    if (command.isBlank()) {
      throw new IllegalArgumentException("command is empty");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxOutputBytes <= 0) {
      throw new IllegalArgumentException("maxOutputBytes must be positive");
    }
    extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
  }

  public static CommandSpec of(String command, Path workDir, Duration timeout, Path output) {
    return new CommandSpec(command, workDir, timeout, output, DEFAULT_MAX_OUTPUT, Map.of());
  }

  public CommandSpec withMaxOutputBytes(long max) {
    return new CommandSpec(command, workDir, timeout, output, max, extraEnv);
  }
}
