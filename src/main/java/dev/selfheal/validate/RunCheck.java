package dev.selfheal.validate;

import dev.selfheal.detect.Detection;
import dev.selfheal.detect.TestOutcome;
import java.util.List;

/**
 * One validation run and what its fresh reports prove. {@code targets} were asked for; {@code
 * executed} lists those the reports show really ran; a targeted run passes only if every target ran
 * and passed — an exit code of 0 with nothing executed is a failure, never a pass.
 */
public record RunCheck(
    String command,
    Detection detection,
    List<String> targets,
    List<String> executed,
    List<String> failing) {
  public RunCheck {
    targets = List.copyOf(targets);
    executed = List.copyOf(executed);
    failing = List.copyOf(failing);
  }

  public static RunCheck of(String command, Detection d, List<String> targets) {
    List<String> executed = targets.stream().filter(t -> ran(d, t)).toList();
    List<String> failing = targets.stream().filter(t -> !passed(d, t)).toList();
    return new RunCheck(command, d, targets, executed, failing);
  }

  public boolean allTargetsPassed() {
    return !targets.isEmpty() && executed.size() == targets.size() && failing.isEmpty();
  }

  private static boolean ran(Detection d, String id) {
    return d.outcomes().stream()
        .anyMatch(o -> sameTest(o.id(), id) && o.result() != TestOutcome.Result.SKIPPED);
  }

  private static boolean passed(Detection d, String id) {
    return d.outcomes().stream()
            .anyMatch(o -> sameTest(o.id(), id) && o.result() == TestOutcome.Result.PASSED)
        && d.outcomes().stream()
            .noneMatch(o -> sameTest(o.id(), id) && o.result() == TestOutcome.Result.FAILED);
  }

  /**
   * Report ids may carry a parameterised method's arguments; the target names the method. A
   * runner's output may name a test without its file ({@code suite test}) where the failure was
   * {@code file::suite test}.
   */
  static boolean sameTest(String reported, String target) {
    return reported.equals(target)
        || reported.startsWith(target + "(")
        || reported.startsWith(target + "[")
        || (!reported.contains("::") && target.endsWith("::" + reported));
  }
}
