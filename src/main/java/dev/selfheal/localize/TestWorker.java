package dev.selfheal.localize;

import dev.selfheal.exec.CommandRunner;
import dev.selfheal.exec.LineProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of the warm test worker ({@code dev.selfheal.worker.Worker}, run in the project's own
 * JVM on its test class path): asks it to run tests, with coverage or against a candidate's changed
 * classes, each request with a deadline. A worker that misses one (an infinite loop) or dies (a
 * test that ends the JVM) is killed and replaced; that request counts as failed.
 */
public final class TestWorker implements AutoCloseable {
  /**
   * One test's run: PASS, FAIL, SKIP (nothing ran), or HUNG (it passed its deadline or ended the
   * JVM); its coverage (JaCoCo execution data) when asked.
   */
  public record Result(String test, String result, long millis, String message, byte[] coverage) {
    public boolean passed() {
      return result.equals("PASS");
    }

    public boolean failed() {
      return result.equals("FAIL") || result.equals("HUNG");
    }
  }

  /** The worker could not start, or a request could not be answered at all. */
  public static final class Failed extends Exception {
    public Failed(String message) {
      super(message);
    }
  }

  private final List<String> argv;
  private final Path dir;
  private final CommandRunner runner;
  private final Path errors;
  private LineProcess process;
  private String junit;
  private int requests;
  private int replaced;

  private TestWorker(List<String> argv, Path dir, CommandRunner runner, Path errors) {
    this.argv = argv;
    this.dir = dir;
    this.runner = runner;
    this.errors = errors;
  }

  /**
   * Starts a worker in the module's folder, on the project's JVM.
   *
   * @param workerClasses a folder holding selfheal's worker classes (see {@link #workerClasses})
   * @param agent the {@code -javaagent} argument that records coverage, or null
   * @param errors where the worker's stderr (the tests' output) goes
   */
  public static TestWorker start(
      CommandRunner runner,
      TestClasspath cp,
      List<Path> extraLibraries,
      Path workerClasses,
      String agent,
      Path dir,
      Path errors)
      throws Failed {
    return start(runner, cp, extraLibraries, workerClasses, agent, dir, errors, null);
  }

  /**
   * @param run how the build ran the tests (its JVM, its system properties), or null
   */
  public static TestWorker start(
      CommandRunner runner,
      TestClasspath cp,
      List<Path> extraLibraries,
      Path workerClasses,
      String agent,
      Path dir,
      Path errors,
      SurefireRun run)
      throws Failed {
    Optional<Path> buildJvm =
        run == null
            ? Optional.empty()
            : run.javaHome()
                .map(h -> h.resolve("bin/java"))
                .filter(java.nio.file.Files::isExecutable);
    Path bin =
        buildJvm
            .or(runner::javaBinary)
            .orElseThrow(() -> new Failed("no java: set JAVA_HOME or put java on the PATH"));
    List<String> argv = new ArrayList<>();
    argv.add(bin.toString());
    argv.add("-XX:+UseSerialGC");
    argv.add("-XX:TieredStopAtLevel=1");
    argv.add("-Xss4m");
    int version = WorkerLibraries.version(bin).orElse(0);
    if (version >= 18 && version < 24) {
      argv.add("-Djava.security.manager=allow"); // lets the worker refuse a test's System.exit
    }
    argv.add("-Dbasedir=" + dir); // as surefire sets it
    if (run != null) {
      run.properties().forEach((k, v) -> argv.add("-D" + k + "=" + v));
    }
    if (agent != null) {
      argv.add("-javaagent:" + agent);
    }
    StringJoiner classpath = new StringJoiner(java.io.File.pathSeparator);
    classpath.add(workerClasses.toString());
    cp.libraries().forEach(l -> classpath.add(l.toString()));
    extraLibraries.forEach(l -> classpath.add(l.toString()));
    argv.add("-cp");
    argv.add(classpath.toString());
    argv.add("dev.selfheal.worker.Worker");
    cp.roots().forEach(r -> argv.add(r.toString()));
    TestWorker w = new TestWorker(argv, dir, runner, errors);
    w.launch();
    return w;
  }

  private void launch() throws Failed {
    try {
      process = runner.startLines(argv, dir, errors);
      Optional<String> ready = process.next(Duration.ofSeconds(60));
      if (ready.isEmpty() || !ready.get().startsWith("READY ")) {
        process.close();
        throw new Failed("the test worker did not start: " + lastError());
      }
      junit = ready.get().substring("READY ".length());
    } catch (IOException e) {
      throw new Failed("the test worker could not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed("interrupted while the test worker started");
    }
  }

  /** Which JUnit runs the tests (junit-platform, junit4). */
  public String junit() {
    return junit;
  }

  /** How many times a worker was replaced (a test hung or ended the JVM). */
  public int replaced() {
    return replaced;
  }

  private static final Pattern TEST =
      Pattern.compile("^TEST (\\S+) (\\S*) (PASS|FAIL|SKIP) (\\d+) (\\S*) (\\S+)$");

  /**
   * Runs the tests in one class loader, each with its own deadline. A test that passes it (an
   * endless loop) or ends the JVM is HUNG and the worker is replaced; with coverage, the tests
   * after it run in the new worker, and a check stops there (as it does at its first failure).
   *
   * @param sources changed classes by binary name, their full source (empty: as built)
   * @param deadline how long each test may take
   */
  public List<Result> run(
      boolean coverage,
      List<String> tests,
      Map<String, String> sources,
      java.util.function.Function<String, Duration> deadline)
      throws Failed, InterruptedException {
    List<Result> out = new ArrayList<>();
    List<String> left = new ArrayList<>(tests);
    while (!left.isEmpty()) {
      Optional<String> hung = request(coverage, left, sources, deadline, out);
      if (hung.isEmpty() || !coverage) {
        return out;
      }
      left = new ArrayList<>(tests.subList(Math.min(tests.size(), out.size()), tests.size()));
    }
    return out;
  }

  /** One RUN request; the test that hung, if one did (the worker is then replaced). */
  private Optional<String> request(
      boolean coverage,
      List<String> tests,
      Map<String, String> sources,
      java.util.function.Function<String, Duration> deadline,
      List<Result> out)
      throws Failed, InterruptedException {
    String id = Integer.toString(++requests);
    StringJoiner files = new StringJoiner(",");
    sources.forEach((name, text) -> files.add(name + ":" + b64(text)));
    try {
      process.send(
          "RUN\t"
              + id
              + "\t"
              + (coverage ? "coverage" : "check")
              + "\t"
              + b64(String.join("\n", tests))
              + "\t"
              + files);
    } catch (IOException e) {
      restart();
      throw new Failed("the test worker stopped answering: " + e.getMessage());
    }
    int answered = 0;
    while (true) {
      String next = answered < tests.size() ? tests.get(answered) : null;
      Duration wait = next == null ? Duration.ofSeconds(30) : deadline.apply(next);
      Optional<String> line = process.next(wait);
      if (line.isEmpty()) {
        String why =
            process.alive()
                ? "did not finish within " + wait.toMillis() + " ms (an endless loop?)"
                : "ended the JVM (System.exit?): " + lastError();
        restart();
        if (next == null) {
          return Optional.empty();
        }
        out.add(new Result(next, "HUNG", wait.toMillis(), next + " " + why, null));
        return Optional.of(next);
      }
      String l = line.get();
      if (l.equals("DONE " + id) || l.equals("DONE " + id + " dirty")) {
        if (l.endsWith(" dirty")) {
          restart();
        }
        return Optional.empty();
      }
      if (l.startsWith("ERROR " + id + " ")) {
        throw new Failed(text(l.substring(("ERROR " + id + " ").length())));
      }
      Matcher m = TEST.matcher(l);
      if (m.matches() && m.group(1).equals(id)) {
        byte[] data = m.group(6).equals("-") ? null : Base64.getDecoder().decode(m.group(6));
        out.add(
            new Result(
                text(m.group(2)), m.group(3), Long.parseLong(m.group(4)), text(m.group(5)), data));
        answered++;
      }
    }
  }

  /** The test methods of these classes ({@code Class#method}). */
  public List<String> list(List<String> classes, Duration deadline)
      throws Failed, InterruptedException {
    String id = Integer.toString(++requests);
    try {
      process.send("LIST\t" + id + "\t" + b64(String.join("\n", classes)));
    } catch (IOException e) {
      restart();
      throw new Failed("the test worker stopped answering: " + e.getMessage());
    }
    List<String> out = new ArrayList<>();
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      Optional<String> line = process.next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
      if (line.isEmpty()) {
        restart();
        throw new Failed("listing the tests did not finish in time");
      }
      String l = line.get();
      if (l.equals("DONE " + id)) {
        return out;
      }
      if (l.startsWith("ERROR " + id + " ")) {
        throw new Failed(text(l.substring(("ERROR " + id + " ").length())));
      }
      if (l.startsWith("CASE " + id + " ")) {
        out.add(text(l.substring(("CASE " + id + " ").length())));
      }
    }
  }

  private void restart() throws Failed {
    process.close();
    replaced++;
    launch();
  }

  private String lastError() {
    try {
      List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "(no output)";
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  /**
   * A folder holding the worker's classes, copied out of selfheal's own class path (its jar, or its
   * class folder) under {@code base}, once per version of them: the worker's JVM must not see the
   * rest of selfheal. Written to a temporary folder and moved into place, so two heals at once
   * never see half a copy.
   */
  public static Path workerClasses(Path base) throws IOException {
    String prefix = "dev/selfheal/worker/";
    Map<String, byte[]> classes = new java.util.TreeMap<>();
    Path origin;
    try {
      origin =
          Path.of(TestWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException("cannot locate selfheal's own classes", e);
    }
    if (Files.isDirectory(origin)) {
      try (var files = Files.list(origin.resolve(prefix))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          classes.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
    } else {
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(origin.toFile())) {
        for (var e : java.util.Collections.list(zip.entries())) {
          String n = e.getName();
          if (n.startsWith(prefix) && n.endsWith(".class") && n.indexOf('/', prefix.length()) < 0) {
            try (InputStream in = zip.getInputStream(e)) {
              classes.put(n.substring(prefix.length()), in.readAllBytes());
            }
          }
        }
      }
    }
    if (classes.isEmpty()) {
      throw new IOException("selfheal's worker classes are missing from " + origin);
    }
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    classes.forEach(
        (n, b) -> {
          sha.update(n.getBytes(StandardCharsets.UTF_8));
          sha.update(b);
        });
    String version = java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    Path target = base.resolve(version);
    if (Files.isRegularFile(target.resolve(prefix + "Worker.class"))) {
      return target;
    }
    Files.createDirectories(base);
    Path tmp = Files.createTempDirectory(base, "tmp-");
    Files.createDirectories(tmp.resolve(prefix));
    for (var e : classes.entrySet()) {
      Files.write(tmp.resolve(prefix + e.getKey()), e.getValue());
    }
    try {
      Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      if (!Files.isRegularFile(target.resolve(prefix + "Worker.class"))) {
        throw raced;
      }
      try (var walk = Files.walk(tmp)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return target;
  }
}
