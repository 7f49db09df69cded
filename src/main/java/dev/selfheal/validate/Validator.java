package dev.selfheal.validate;

import dev.selfheal.detect.DetectRequest;
import dev.selfheal.detect.Detection;
import dev.selfheal.detect.Detector;
import dev.selfheal.detect.TestOutcome;
import dev.selfheal.exec.CommandNotFoundException;
import dev.selfheal.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs commands in the workspace and judges them by their fresh reports: targeted re-runs of the
 * failing tests, then the full command compared test by test with the run before the fix.
 */
public final class Validator {
  private final CommandRunner runner;
  private final Path logs;
  private final Duration timeout;
  private int runs;
  private long commandMillis;

  public Validator(CommandRunner runner, Path logs, Duration timeout) {
    this.runner = runner;
    this.logs = logs;
    this.timeout = timeout;
  }

  /**
   * The command's program is not there (a typo in {@code --command}, no {@code mvn} on the PATH):
   * the user's to fix, said as a usage error; an IOException only so callers that run commands need
   * declare nothing new.
   */
  public static final class ProgramMissing extends IOException {
    public ProgramMissing(CommandNotFoundException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** How many build or test commands this validator has run. */
  public int runs() {
    return runs;
  }

  /** Time spent inside those commands: the build's share of a heal, not the healer's. */
  public long commandMillis() {
    return commandMillis;
  }

  /** Something that watches a command while it runs (a heartbeat); closed when it ends. */
  @FunctionalInterface
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  private java.util.function.BiFunction<String, Path, Watch> watcher = (label, log) -> () -> {};

  /** Watches each command as it runs: {@code watcher} gets its label and its live log. */
  public Validator watchedBy(java.util.function.BiFunction<String, Path, Watch> watcher) {
    this.watcher = watcher;
    return this;
  }

  public Detection run(Path repo, String command, String label) throws IOException {
    runs++;
    Path log = logs.resolve(label + ".log");
    try (Watch w = watcher.apply(label, log)) {
      Detection d =
          new Detector(runner).detect(new DetectRequest(repo, command, null, timeout, log));
      commandMillis += d.run().elapsed().toMillis();
      return d;
    } catch (CommandNotFoundException e) {
      throw new ProgramMissing(e);
    }
  }

  /**
   * Re-runs the given tests; empty when the build cannot be narrowed (the caller runs the full
   * command).
   */
  public Optional<RunCheck> targeted(
      Path repo,
      String fullCommand,
      String template,
      List<TargetedCommand.Target> targets,
      String label)
      throws IOException {
    Optional<String> cmd = TargetedCommand.build(fullCommand, template, repo, targets);
    if (cmd.isEmpty()) {
      return Optional.empty();
    }
    Detection d = run(repo, cmd.get(), label);
    return Optional.of(
        RunCheck.of(
            cmd.get(), d, targets.stream().map(TargetedCommand.Target::id).distinct().toList()));
  }

  /** The full command after a fix, against the outcomes before it. */
  public record FullCheck(
      Detection detection,
      boolean passed,
      int testsRun,
      List<String> newlyFailing,
      String problem) {}

  public FullCheck full(Path repo, String command, List<TestOutcome> before, String label)
      throws IOException {
    Detection after = run(repo, command, label);
    Map<String, TestOutcome.Result> was =
        before.stream()
            .collect(Collectors.toMap(TestOutcome::id, TestOutcome::result, (a, b) -> a));
    Map<String, TestOutcome.Result> now =
        after.outcomes().stream()
            .collect(
                Collectors.toMap(
                    TestOutcome::id,
                    TestOutcome::result,
                    (a, b) -> a == TestOutcome.Result.FAILED ? a : b));
    List<String> newlyFailing = new ArrayList<>();
    was.forEach(
        (id, r) -> {
          if (r == TestOutcome.Result.PASSED
              && now.getOrDefault(id, TestOutcome.Result.SKIPPED) != TestOutcome.Result.PASSED) {
            newlyFailing.add(id);
          }
        });
    long ranBefore = before.stream().filter(o -> o.result() != TestOutcome.Result.SKIPPED).count();
    long ranAfter =
        after.outcomes().stream().filter(o -> o.result() != TestOutcome.Result.SKIPPED).count();
    String problem = null;
    if (!after.passed()) {
      problem =
          after.failures().isEmpty()
              ? "the full command failed"
              : after.failures().size() + " failure(s) remain";
    } else if (!newlyFailing.isEmpty()) {
      problem =
          "tests that passed before now fail or did not run: " + String.join(", ", newlyFailing);
    } else if (ranAfter < ranBefore) {
      problem = "fewer tests ran (" + ranAfter + ") than before the fix (" + ranBefore + ")";
    }
    return new FullCheck(after, problem == null, (int) ranAfter, newlyFailing, problem);
  }
}
