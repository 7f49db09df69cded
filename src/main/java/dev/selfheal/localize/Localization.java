package dev.selfheal.localize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the failing tests most likely went wrong: every line they ran, most suspicious first, with
 * the tests behind the ranking — which failed, which passed, which ran each line, and how long each
 * took (a candidate's check is timed against it).
 */
public final class Localization {
  private final String module;
  private final String junit;
  private final List<String> failing;
  private final List<String> passing;
  private final List<Suspect> ranked;
  private final Map<LineCoverage.Line, Set<String>> passingByLine;
  private final Map<LineCoverage.Line, Set<String>> failingByLine;
  private final Map<String, Long> millis;
  private final List<String> notes;

  Localization(
      String module,
      String junit,
      List<String> failing,
      List<String> passing,
      List<Suspect> ranked,
      Map<LineCoverage.Line, Set<String>> passingByLine,
      Map<LineCoverage.Line, Set<String>> failingByLine,
      Map<String, Long> millis,
      List<String> notes) {
    this.module = module;
    this.junit = junit;
    this.failing = List.copyOf(failing);
    this.passing = List.copyOf(passing);
    this.ranked = List.copyOf(ranked);
    this.passingByLine = Map.copyOf(passingByLine);
    this.failingByLine = Map.copyOf(failingByLine);
    this.millis = Map.copyOf(millis);
    this.notes = List.copyOf(notes);
  }

  /** The module whose tests ran ("" for the root). */
  public String module() {
    return module;
  }

  /** Which JUnit ran them: junit-platform or junit4. */
  public String junit() {
    return junit;
  }

  /** The failing tests the worker reproduced. */
  public List<String> failingTests() {
    return failing;
  }

  /** Whether the worker reproduced this failing test (an id as the build reports it). */
  public boolean reproduces(String test) {
    return test != null && failing.contains(TestIds.normal(test));
  }

  public List<String> passingTests() {
    return passing;
  }

  /** Every line a failing test ran, most suspicious first. */
  public List<Suspect> ranked() {
    return ranked;
  }

  public List<Suspect> top(int n) {
    return ranked.subList(0, Math.min(n, ranked.size()));
  }

  /** What a person should know about how the ranking was made (tests left out, say). */
  public List<String> notes() {
    return notes;
  }

  /** The passing tests that run any of these lines of a file, in a stable order. */
  public List<String> passingTestsCovering(String file, Collection<Integer> lines) {
    Set<String> out = new TreeSet<>();
    for (int l : lines) {
      out.addAll(passingByLine.getOrDefault(new LineCoverage.Line(file, l), Set.of()));
    }
    return new ArrayList<>(out);
  }

  /** The failing tests that run any of these lines of a file, in a stable order. */
  public List<String> failingTestsCovering(String file, Collection<Integer> lines) {
    Set<String> out = new TreeSet<>();
    for (int l : lines) {
      out.addAll(failingByLine.getOrDefault(new LineCoverage.Line(file, l), Set.of()));
    }
    return new ArrayList<>(out);
  }

  /** How long a test took when the worker ran it (0 when it did not). */
  public long millis(String test) {
    return millis.getOrDefault(test, 0L);
  }

  /** The rank of a line (1 = most suspicious), or 0 when no failing test ran it. */
  public int rankOf(String file, int line) {
    for (Suspect s : ranked) {
      if (s.file().equals(file) && s.line() == line) {
        return s.rank();
      }
    }
    return 0;
  }
}
