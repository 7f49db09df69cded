package dev.selfheal.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The one place that starts processes. A command runs under {@code /bin/sh -c} in a scrubbed
 * environment, stdin from /dev/null, output streamed to a file; on timeout or JVM shutdown the
 * whole process tree is killed, not just the shell. And when a command ends, whatever it left
 * running is killed too — a daemon, a server a test started, a process that escaped into its own
 * session with {@code setsid}: each command's processes carry a cookie in their environment (as
 * Jenkins' process-tree killer does), which survives re-parenting and new sessions.
 */
public final class CommandRunner {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Set<String> LIVE_COOKIES = ConcurrentHashMap.newKeySet();

  /** The variable that marks every process a command started. */
  static final String COOKIE = "SELFHEAL_PROCESS_COOKIE";

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LIVE.forEach(CommandRunner::killTree);
                  LIVE_COOKIES.forEach(Leftovers::kill);
                },
                "selfheal-kill"));
  }

  private final Map<String, String> baseEnv;
  private final Clock clock;
  private final WarmMaven warm;

  public CommandRunner(Map<String, String> baseEnv, Clock clock) {
    this(baseEnv, clock, null);
  }

  private CommandRunner(Map<String, String> baseEnv, Clock clock, WarmMaven warm) {
    this.baseEnv = CleanEnvironment.scrub(baseEnv);
    this.clock = clock;
    this.warm = warm;
  }

  /** The same runner, with {@code mvn} commands run in warm JVMs where that is exact. */
  public CommandRunner withWarmMaven(WarmMaven maven) {
    return new CommandRunner(baseEnv, clock, maven);
  }

  /** Whether {@code mvn} commands run in warm JVMs here. */
  public boolean warm() {
    return warm != null;
  }

  public static CommandRunner system() {
    return new CommandRunner(System.getenv(), Clock.systemUTC());
  }

  public CommandResult run(CommandSpec spec) throws CommandNotFoundException, IOException {
    if (!Files.isDirectory(spec.workDir())) {
      throw new IOException("not a directory: " + spec.workDir());
    }
    ProgramLookup.check(spec.command(), spec.workDir(), baseEnv.getOrDefault("PATH", ""));
    Files.createDirectories(spec.output().toAbsolutePath().getParent());
    if (warm != null) {
      java.util.Optional<CommandResult> r = warm.run(spec, baseEnv, clock);
      if (r.isPresent()) {
        return r.get();
      }
    }
    ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", spec.command()));
    pb.directory(spec.workDir().toFile());
    pb.environment().clear();
    pb.environment().putAll(baseEnv);
    pb.environment().putAll(CleanEnvironment.scrub(spec.extraEnv()));
    String cookie = java.util.UUID.randomUUID().toString();
    pb.environment().put(COOKIE, cookie);
    pb.redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Instant start = clock.instant();
    long t0 = System.nanoTime();
    LIVE_COOKIES.add(cookie);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      LIVE_COOKIES.remove(cookie);
      throw e;
    }
    LIVE.add(p);
    OutputPump pump = new OutputPump(p.getInputStream(), spec.output(), spec.maxOutputBytes());
    Thread pumper = new Thread(pump, "selfheal-output");
    pumper.setDaemon(true);
    pumper.start();
    boolean timedOut = false;
    try {
      if (!p.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        killTree(p);
      }
      p.waitFor();
      pumper.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      killTree(p);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running: " + spec.command(), e);
    } finally {
      LIVE.remove(p);
      Leftovers.kill(cookie);
      LIVE_COOKIES.remove(cookie);
    }
    if (pump.failure != null) {
      throw new IOException("cannot write command output to " + spec.output(), pump.failure);
    }
    return new CommandResult(
        spec.command(),
        timedOut ? -1 : p.exitValue(),
        timedOut,
        start,
        Duration.ofNanos(System.nanoTime() - t0),
        spec.output(),
        pump.total,
        pump.total > spec.maxOutputBytes());
  }

  /** What a short command printed, and how it ended. */
  public record Captured(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs a program with arguments (no shell) and returns its output, for tools with small output
   * such as git. Stdout is read whole; callers must not use this for builds.
   */
  public Captured capture(List<String> argv, Path dir, Duration timeout) throws IOException {
    return capture(argv, dir, timeout, Map.of());
  }

  /**
   * As {@link #capture(List, Path, Duration)}, with variables added to the scrubbed environment as
   * given: how a credential reaches the one process that needs it (git's push) and no other.
   */
  public Captured capture(
      List<String> argv, Path dir, Duration timeout, Map<String, String> extraEnv)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(baseEnv);
    pb.environment().putAll(extraEnv);
    pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Path err = Files.createTempFile("selfheal-err", ".txt");
    pb.redirectError(err.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Files.deleteIfExists(err);
      throw new IOException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    }
    LIVE.add(p);
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killTree(p);
        throw new IOException(
            String.join(" ", argv) + " timed out after " + timeout.toSeconds() + " s");
      }
      return new Captured(
          p.exitValue(),
          new String(out, java.nio.charset.StandardCharsets.UTF_8),
          Files.readString(err));
    } catch (InterruptedException e) {
      killTree(p);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", argv), e);
    } finally {
      LIVE.remove(p);
      Files.deleteIfExists(err);
    }
  }

  /**
   * A long-lived helper in this runner's environment (see {@link LineProcess}): the warm test
   * worker.
   */
  public LineProcess startLines(List<String> argv, Path dir, Path errors) throws IOException {
    return LineProcess.start(argv, dir, baseEnv, errors);
  }

  /**
   * The JVM the project's own builds start: {@code $JAVA_HOME/bin/java} when JAVA_HOME is set, else
   * {@code java} on the PATH; empty when there is none.
   */
  public java.util.Optional<Path> javaBinary() {
    String home = baseEnv.get("JAVA_HOME");
    if (home != null && !home.isBlank()) {
      Path bin = Path.of(home, "bin", "java");
      return Files.isExecutable(bin) ? java.util.Optional.of(bin) : java.util.Optional.empty();
    }
    return ProgramLookup.find("java", baseEnv.getOrDefault("PATH", ""));
  }

  /** A process started elsewhere in this package, killed with the rest at shutdown. */
  static void track(Process p) {
    LIVE.add(p);
  }

  static void untrack(Process p) {
    LIVE.remove(p);
  }

  /** Kills descendants first (a forked test JVM outlives its shell otherwise), then the root. */
  static void killTree(Process p) {
    for (int round = 0; round < 5; round++) {
      List<ProcessHandle> kids = p.toHandle().descendants().toList();
      if (kids.isEmpty()) {
        break;
      }
      kids.forEach(ProcessHandle::destroyForcibly);
    }
    p.destroyForcibly();
  }

  private static final class OutputPump implements Runnable {
    private final InputStream in;
    private final Path file;
    private final long max;
    volatile long total;
    volatile IOException failure;

    OutputPump(InputStream in, Path file, long max) {
      this.in = in;
      this.file = file;
      this.max = max;
    }

    @Override
    public void run() {
      byte[] buf = new byte[64 * 1024];
      try (in;
          OutputStream out = Files.newOutputStream(file)) {
        while (true) {
          int n;
          try {
            n = in.read(buf);
          } catch (IOException pipeClosed) {
            break; // the pipe of a killed process: the normal end of a timed-out command
          }
          if (n < 0) {
            break;
          }
          long kept = Math.max(0, Math.min(n, max - total));
          if (kept > 0) {
            out.write(buf, 0, (int) kept);
          }
          total += n;
        }
      } catch (IOException e) {
        failure = e; // the log could not be written: disk full, permissions
      }
    }
  }
}
