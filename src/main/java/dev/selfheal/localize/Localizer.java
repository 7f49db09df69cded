package dev.selfheal.localize;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.StackFrame;
import dev.selfheal.vcs.BreakingChange;
import dev.selfheal.vcs.ChangeHunks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fault localization for failing JUnit tests of a Maven module: starts the warm worker on the
 * module's test class path with JaCoCo's agent, runs the failing tests and the module's other tests
 * one by one with coverage, and ranks every line a failing test ran — lines the breaking change
 * wrote first, then lines on a failure's stack, each group by Ochiai (DStar, then Tarantula, break
 * ties). The worker stays up for the candidates' checks.
 */
public final class Localizer {
  /** Tests beyond this many are not run for coverage: the ranking needs neighbours, not all. */
  static final int MAX_TESTS = 1_000;

  private Localizer() {}

  /** A module's resolved dependency jars, when a surefire report does not say them. */
  @FunctionalInterface
  public interface Dependencies {
    /** Empty when the build could not resolve them. */
    Optional<List<Path>> jars(String module) throws IOException;
  }

  /**
   * @param dependencies each module's resolved jars (module "" is the root), asked only when no
   *     surefire report names the test class path
   * @param work a folder for the worker's classes and the agent
   * @param logs where the worker's output goes
   */
  public record Request(
      Path repo,
      List<Failure> failures,
      Dependencies dependencies,
      BreakingChange change,
      Path work,
      Path logs,
      Duration budget) {}

  /** A ranking, with the worker that made it, kept for the candidates' checks. */
  public record Localized(Localization localization, TestWorker worker) implements AutoCloseable {
    @Override
    public void close() {
      worker.close();
    }
  }

  public static Localized localize(CommandRunner runner, Request r)
      throws TestClasspath.Unavailable, TestWorker.Failed, IOException, InterruptedException {
    long start = System.nanoTime();
    Map<String, Failure> failing = new LinkedHashMap<>();
    for (Failure f : r.failures()) {
      if (f.kind() == FailureKind.TEST_FAILURE && f.test() != null && TestIds.isJava(f.test())) {
        failing.put(TestIds.normal(f.test()), f);
      }
    }
    if (failing.isEmpty()) {
      throw new TestClasspath.Unavailable("no failing JUnit test to localize from");
    }
    List<String> sources = ProjectSources.javaFiles(r.repo());
    String module = ProjectSources.moduleOf(r.repo(), failing.values(), sources);
    if (!Files.isRegularFile(
        r.repo().resolve(module.isEmpty() ? "pom.xml" : module + "/pom.xml"))) {
      throw new TestClasspath.Unavailable(
          "only Maven modules are localized ("
              + (module.isEmpty() ? "the root" : module)
              + " has no pom.xml)");
    }
    Path dir = module.isEmpty() ? r.repo() : r.repo().resolve(module);
    Optional<SurefireRun> run = Optional.empty();
    for (String t : failing.keySet()) {
      run = SurefireRun.of(dir, TestIds.className(t));
      if (run.isPresent()) {
        break;
      }
    }
    TestClasspath cp;
    if (run.isPresent()) {
      cp = TestClasspath.ofSurefire(r.repo(), module, run.get().classpath());
    } else {
      List<Path> jars =
          r.dependencies()
              .jars(module)
              .orElseThrow(
                  () ->
                      new TestClasspath.Unavailable(
                          "Maven did not resolve the dependencies of "
                              + (module.isEmpty() ? "the project" : module)
                              + " (see dependency-classpath.log)"));
      cp = TestClasspath.of(r.repo(), module, jars);
    }
    List<Path> launcher = WorkerLibraries.launcher(cp.libraries());
    LineCoverage coverage = new LineCoverage(r.repo(), cp.mainClassRoots(), sources);
    String agent =
        WorkerLibraries.agentOptions(
            WorkerLibraries.jacocoAgent(r.work()), ProjectSources.packages(cp.mainClassRoots()));
    TestWorker worker =
        TestWorker.start(
            runner,
            cp,
            launcher,
            TestWorker.workerClasses(r.work().resolve("classes")),
            agent,
            dir,
            r.logs().resolve("localize-worker.log"),
            run.orElse(null));
    try {
      Localization l = rank(r, failing, worker, coverage, module, start);
      return new Localized(l, worker);
    } catch (IOException | TestWorker.Failed | TestClasspath.Unavailable | RuntimeException e) {
      worker.close();
      throw e;
    }
  }

  private static Localization rank(
      Request r,
      Map<String, Failure> failing,
      TestWorker worker,
      LineCoverage coverage,
      String module,
      long start)
      throws IOException, TestWorker.Failed, TestClasspath.Unavailable, InterruptedException {
    List<String> notes = new ArrayList<>();
    List<String> tests = chooseTests(r, failing, worker, module, notes);
    Map<String, Set<LineCoverage.Line>> covered = new HashMap<>();
    Map<String, Long> millis = new HashMap<>();
    Set<String> failed = new LinkedHashSet<>();
    Set<String> passed = new LinkedHashSet<>();
    long deadline = start + r.budget().toNanos() / 2;
    for (int from = 0; from < tests.size(); from += 100) {
      if (from > 0 && System.nanoTime() > deadline) {
        notes.add((tests.size() - from) + " test(s) left out of the ranking: time ran out");
        break;
      }
      List<String> chunk = tests.subList(from, Math.min(tests.size(), from + 100));
      for (TestWorker.Result t : worker.run(true, chunk, Map.of(), x -> Duration.ofSeconds(20))) {
        String id = TestIds.normal(t.test());
        millis.put(id, t.millis());
        if (t.coverage() != null) {
          covered.put(id, coverage.lines(t.coverage()));
        }
        if (failing.containsKey(id) && t.failed()) {
          failed.add(id);
        } else if (!failing.containsKey(id) && t.passed()) {
          passed.add(id);
        }
      }
    }
    List<String> notReproduced =
        failing.keySet().stream().filter(t -> !failed.contains(t)).toList();
    if (failed.isEmpty()) {
      throw new TestClasspath.Unavailable(
          "the failing tests do not fail when selfheal's worker runs them one by one ("
              + String.join(", ", notReproduced)
              + "): they depend on how the build runs them");
    }
    if (!notReproduced.isEmpty()) {
      notes.add("not reproduced in the worker, left out: " + String.join(", ", notReproduced));
    }
    return new Localization(
        module,
        worker.junit(),
        List.copyOf(failed),
        List.copyOf(passed),
        ranking(r, failing, failed, passed, covered, coverage),
        byLine(passed, covered),
        byLine(failed, covered),
        millis,
        notes);
  }

  /** The failing tests first, then their classes' other tests, then the module's others. */
  private static List<String> chooseTests(
      Request r, Map<String, Failure> failing, TestWorker worker, String module, List<String> notes)
      throws IOException, TestWorker.Failed, InterruptedException {
    Set<String> classes = new LinkedHashSet<>();
    failing.keySet().forEach(t -> classes.add(TestIds.className(t)));
    Path testClasses =
        (module.isEmpty() ? r.repo() : r.repo().resolve(module)).resolve("target/test-classes");
    List<String> others = ProjectSources.testClasses(testClasses);
    Set<String> packages = new TreeSet<>();
    classes.forEach(c -> packages.add(c.contains(".") ? c.substring(0, c.lastIndexOf('.')) : ""));
    others.stream()
        .filter(c -> packages.contains(c.contains(".") ? c.substring(0, c.lastIndexOf('.')) : ""))
        .forEach(classes::add);
    classes.addAll(others);
    List<String> listed = worker.list(List.copyOf(classes), Duration.ofSeconds(60));
    Set<String> out = new LinkedHashSet<>(failing.keySet());
    listed.stream().map(TestIds::normal).forEach(out::add);
    List<String> all = new ArrayList<>(out);
    if (all.size() > MAX_TESTS) {
      notes.add((all.size() - MAX_TESTS) + " test(s) of the module left out of the ranking");
      return all.subList(0, MAX_TESTS);
    }
    return all;
  }

  private static List<Suspect> ranking(
      Request r,
      Map<String, Failure> failing,
      Set<String> failed,
      Set<String> passed,
      Map<String, Set<LineCoverage.Line>> covered,
      LineCoverage coverage) {
    // A line on a failing test's stack ran in it, whatever the probes say: JaCoCo marks a block
    // only when it completes, and a call that never returns (endless recursion, a loop cut by the
    // test's timeout, an exception) leaves its lines unmarked.
    Map<LineCoverage.Line, String> frameMethods = new HashMap<>();
    for (String t : failed) {
      Set<LineCoverage.Line> lines = new LinkedHashSet<>(covered.getOrDefault(t, Set.of()));
      for (StackFrame f : failing.get(t).details().frames()) {
        if (f.file().contains("src/test/") || !f.file().endsWith(".java")) {
          continue; // the test's own code is not where the fix goes
        }
        LineCoverage.Line l = new LineCoverage.Line(f.file(), f.line());
        lines.add(l);
        if (f.method() != null) {
          String m = f.method();
          int dot = m.lastIndexOf('.', m.lastIndexOf('.') - 1);
          frameMethods.putIfAbsent(l, dot < 0 ? m : m.substring(dot + 1));
        }
      }
      covered.put(t, lines);
    }
    Map<LineCoverage.Line, int[]> counts = new HashMap<>();
    for (String t : failed) {
      covered
          .getOrDefault(t, Set.of())
          .forEach(l -> counts.computeIfAbsent(l, k -> new int[2])[0]++);
    }
    for (String t : passed) {
      for (LineCoverage.Line l : covered.getOrDefault(t, Set.of())) {
        int[] c = counts.get(l);
        if (c != null) {
          c[1]++;
        }
      }
    }
    Map<String, ChangeHunks> hunks = new HashMap<>();
    r.change().files().forEach(f -> hunks.put(f.path(), ChangeHunks.of(f)));
    Set<LineCoverage.Line> stack = new LinkedHashSet<>();
    for (String t : failed) {
      for (StackFrame f : failing.get(t).details().frames()) {
        stack.add(new LineCoverage.Line(f.file(), f.line()));
      }
    }
    record Row(LineCoverage.Line line, Spectrum s, boolean changed, boolean inStack) {
      int tier() {
        return changed ? 0 : inStack ? 1 : 2;
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (l, c) -> {
          ChangeHunks h = hunks.get(l.file());
          rows.add(
              new Row(
                  l,
                  new Spectrum(c[0], c[1], failed.size(), passed.size()),
                  h != null && h.touches(l.line()),
                  stack.contains(l)));
        });
    rows.sort(
        Comparator.comparingInt(Row::tier)
            .thenComparing(Comparator.comparingDouble((Row x) -> x.s().ochiai()).reversed())
            .thenComparing(Comparator.comparingDouble((Row x) -> x.s().dstar()).reversed())
            .thenComparing(Comparator.comparingDouble((Row x) -> x.s().tarantula()).reversed())
            .thenComparing(Row::line));
    // Lines the evidence cannot tell apart share a rank (1, 2, 2, 4): with no passing test to
    // separate them, a line is not less suspicious for sorting later by name.
    List<Suspect> out = new ArrayList<>();
    Row previous = null;
    int rank = 0;
    for (Row x : rows) {
      boolean tied =
          previous != null
              && previous.tier() == x.tier()
              && previous.s().ochiai() == x.s().ochiai()
              && previous.s().dstar() == x.s().dstar()
              && previous.s().tarantula() == x.s().tarantula();
      rank = tied ? rank : out.size() + 1;
      previous = x;
      out.add(
          new Suspect(
              x.line().file(),
              x.line().line(),
              coverage.method(x.line()) != null
                  ? coverage.method(x.line())
                  : frameMethods.get(x.line()),
              rank,
              x.s(),
              x.changed(),
              x.inStack(),
              x.s().ep()));
    }
    return out;
  }

  private static Map<LineCoverage.Line, Set<String>> byLine(
      Set<String> tests, Map<String, Set<LineCoverage.Line>> covered) {
    Map<LineCoverage.Line, Set<String>> out = new HashMap<>();
    for (String t : tests) {
      covered
          .getOrDefault(t, Set.of())
          .forEach(l -> out.computeIfAbsent(l, k -> new TreeSet<>()).add(t));
    }
    return out;
  }
}
