package dev.selfheal.vcs;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the breaking change did to one file, line by line: its hunks, each with the lines it
 * replaced. Tells whether a line of the changed file was touched, and what stood there before.
 */
public record ChangeHunks(String path, List<Hunk> hunks) {
  public ChangeHunks {
    hunks = List.copyOf(hunks);
  }

  /**
   * Lines {@code afterStart .. afterStart + after.size() - 1} (1-based) of the changed file
   * replaced {@code before}; a pure deletion has no after lines and sits before line {@code
   * afterStart}.
   */
  public record Hunk(int afterStart, List<String> before, List<String> after) {
    public Hunk {
      before = List.copyOf(before);
      after = List.copyOf(after);
      if (afterStart < 1) {
        throw new IllegalArgumentException("line numbers start at 1: " + afterStart);
      }
    }

    public int afterEnd() {
      return afterStart + after.size() - 1;
    }

    /** The line is one the hunk wrote, or (for a deletion) next to where lines were removed. */
    public boolean touches(int line) {
      if (after.isEmpty()) {
        return line == afterStart || line == afterStart - 1;
      }
      return line >= afterStart && line <= afterEnd();
    }
  }

  /** The hunks of a changed file; none when it was added, deleted or too large to read. */
  public static ChangeHunks of(BreakingChange.FileChange change) {
    if (change.before() == null || change.after() == null) {
      return new ChangeHunks(change.path(), List.of());
    }
    List<String> a = change.before().lines().toList();
    List<String> b = change.after().lines().toList();
    List<Hunk> out = new ArrayList<>();
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      out.add(
          new Hunk(
              d.getTarget().getPosition() + 1, d.getSource().getLines(), d.getTarget().getLines()));
    }
    return new ChangeHunks(change.path(), out);
  }

  /** The hunk that touched a line of the changed file. */
  public Optional<Hunk> at(int line) {
    return hunks.stream().filter(h -> h.touches(line)).findFirst();
  }

  public boolean touches(int line) {
    return at(line).isPresent();
  }
}
