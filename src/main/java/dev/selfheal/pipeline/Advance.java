package dev.selfheal.pipeline;

import dev.selfheal.model.Failure;
import dev.selfheal.validate.RunCheck;
import dev.selfheal.vcs.BreakingChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the heal loop builds on between rounds: progress in a test, the change in the repo's terms.
 */
final class Advance {
  private Advance() {}

  /**
   * The failures of a targeted run in which every failing test the fixes aimed at got further: it
   * now fails in the same file on a later line (the next assertion of the test), and no other test
   * fails. That is progress to build on, not a fix to throw away; empty otherwise.
   */
  static Optional<List<Failure>> furtherAlong(
      RunCheck lastTargeted, List<Failure> open, Set<String> aimed) {
    if (lastTargeted == null || lastTargeted.executed().size() != lastTargeted.targets().size()) {
      return Optional.empty();
    }
    List<Failure> aimedTests =
        open.stream().filter(f -> f.test() != null && aimed.contains(f.fingerprint())).toList();
    List<Failure> now =
        lastTargeted.detection().failures().stream().filter(f -> f.test() != null).toList();
    if (aimedTests.isEmpty() || now.isEmpty()) {
      return Optional.empty();
    }
    for (Failure f : now) {
      boolean later =
          aimedTests.stream()
              .anyMatch(
                  a ->
                      a.test().equals(f.test())
                          && a.file() != null
                          && a.file().equals(f.file())
                          && a.line() != null
                          && f.line() != null
                          && f.line() > a.line());
      if (!later) {
        return Optional.empty();
      }
    }
    List<Failure> next = new ArrayList<>(now);
    open.stream().filter(f -> !aimed.contains(f.fingerprint())).forEach(next::add);
    return Optional.of(next);
  }

  /** The breaking change with paths relative to {@code prefix} (a sub-folder of git's tree). */
  static BreakingChange relative(BreakingChange all, String prefix) {
    if (prefix.isEmpty()) {
      return all;
    }
    List<BreakingChange.FileChange> files =
        all.files().stream()
            .filter(f -> f.path().startsWith(prefix + "/"))
            .map(
                f ->
                    new BreakingChange.FileChange(
                        f.path().substring(prefix.length() + 1), f.before(), f.after()))
            .toList();
    return new BreakingChange(files, all.messages());
  }
}
