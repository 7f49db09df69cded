package dev.selfheal.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code mvn} commands in Maven JVMs kept warm between builds, for callers that run many
 * builds one after another (the eval): the same Maven installation the {@code mvn} on the PATH is,
 * started with the JVM options the script would give it (the project's {@code .mvn/jvm.config},
 * {@code MAVEN_OPTS}) and the same environment, each build's output in its own file, its time limit
 * enforced by killing the JVM with its process tree. A command this cannot run exactly as {@code
 * mvn} would (shell syntax, a wrapper, another Maven, {@code --log-file}, a {@code mavenrc}) is
 * left to a real process.
 *
 * <p>One JVM runs one build at a time; a pool keeps a few, keyed by what a JVM fixes at its start:
 * the java binary, its options, the environment, and Maven's log level (set once per JVM).
 */
public final class WarmMaven implements AutoCloseable {
  /** A JVM is retired after this many builds, before whatever builds leak can add up. */
  static final int BUILDS_PER_JVM = 100;

  private static final int IDLE_JVMS = 4;
  private static final Set<String> LOG_LEVEL_FLAGS =
      Set.of("-q", "--quiet", "-X", "--debug", "-B", "--batch-mode");

  private final MavenHome home;
  private final Path dir;
  private final LinkedList<WarmMavenJvm> idle = new LinkedList<>();
  private final Set<WarmMavenJvm> live = ConcurrentHashMap.newKeySet();
  private final Set<WarmMavenJvm.Key> broken = ConcurrentHashMap.newKeySet();
  private final AtomicInteger warmBuilds = new AtomicInteger();
  private final AtomicInteger jvms = new AtomicInteger();
  private final AtomicInteger declined = new AtomicInteger();
  private volatile boolean closed;

  private WarmMaven(MavenHome home, Path dir) {
    this.home = home;
    this.dir = dir;
  }

  /** Whether warm Maven JVMs can stand in for {@code mvn} here, and why not. */
  public record Lookup(Optional<WarmMaven> maven, String description) {}

  /**
   * Finds the Maven that {@code mvn} on the environment's PATH runs; {@code dir} holds the JVMs'
   * own logs and the server class.
   */
  public static Lookup find(Map<String, String> env, Path dir) throws IOException {
    Optional<MavenHome> home = MavenHome.onPath(env);
    if (home.isEmpty()) {
      return new Lookup(Optional.empty(), "no Maven installation found behind `mvn` on the PATH");
    }
    if (env.get("MAVEN_SKIP_RC") == null) {
      for (Path rc :
          List.of(
              Path.of("/usr/local/etc/mavenrc"),
              Path.of("/etc/mavenrc"),
              Path.of(env.getOrDefault("HOME", "/nonexistent"), ".mavenrc"))) {
        if (Files.exists(rc)) {
          return new Lookup(
              Optional.empty(), rc + " exists (the mvn script runs it; a warm JVM could not)");
        }
      }
    }
    Files.createDirectories(dir);
    WarmMavenJvm.installServerClasses(dir.resolve("classes"));
    return new Lookup(
        Optional.of(new WarmMaven(home.get(), dir)), "warm Maven JVMs (" + home.get().dir() + ")");
  }

  /**
   * Builds run in warm JVMs so far, JVMs started, and {@code mvn} commands left to a process (each
   * listed in {@code declined.log}).
   */
  public record Stats(int warmBuilds, int jvmsStarted, int declined) {}

  public Stats stats() {
    return new Stats(warmBuilds.get(), jvms.get(), declined.get());
  }

  /**
   * Runs the command in a warm JVM; empty when it is not one a warm JVM runs exactly as {@code mvn}
   * would, or no JVM could be started (the caller then starts a process).
   */
  Optional<CommandResult> run(CommandSpec spec, Map<String, String> env, Clock clock)
      throws IOException {
    if (closed || !spec.extraEnv().isEmpty()) {
      return Optional.empty();
    }
    Optional<WarmMavenJvm.Request> request = plan(spec, env);
    WarmMavenJvm jvm =
        request.isEmpty() || broken.contains(request.get().key())
            ? null
            : acquire(request.get().key());
    if (jvm == null) {
      if (spec.command().strip().startsWith("mvn")) {
        declined.incrementAndGet();
        synchronized (declined) {
          Files.writeString(
              dir.resolve("declined.log"),
              spec.command() + "\n",
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.APPEND);
        }
      }
      return Optional.empty();
    }
    WarmMavenJvm.Outcome o;
    try {
      o = jvm.build(request.get(), spec, clock);
    } catch (IOException e) {
      retire(jvm);
      throw e;
    }
    warmBuilds.incrementAndGet();
    if (o.jvmEnded() || jvm.builds() >= BUILDS_PER_JVM || closed) {
      retire(jvm);
    } else {
      release(jvm);
    }
    return Optional.of(o.result());
  }

  /** What the {@code mvn} script would run for this command, if a warm JVM can do the same. */
  Optional<WarmMavenJvm.Request> plan(CommandSpec spec, Map<String, String> env)
      throws IOException {
    Optional<List<String>> words = ShellWords.split(spec.command());
    if (words.isEmpty() || !words.get().get(0).equals("mvn")) {
      return Optional.empty();
    }
    if (!home.isOnPath(env)) {
      return Optional.empty();
    }
    // Maven 3.9's script puts MAVEN_ARGS, split into words, before the command line's own.
    Optional<List<String>> mavenArgs =
        MavenHome.fieldSplit(home.readsMavenArgs() ? env.getOrDefault("MAVEN_ARGS", "") : "");
    if (mavenArgs.isEmpty()) {
      return Optional.empty();
    }
    List<String> args = new ArrayList<>(mavenArgs.get());
    args.addAll(words.get().subList(1, words.get().size()));
    Path workDir = spec.workDir().toAbsolutePath().normalize();
    Optional<Path> baseDir = MavenHome.projectBaseDir(workDir, args, env);
    if (baseDir.isEmpty()) {
      return Optional.empty();
    }
    List<String> all = new ArrayList<>(args);
    Path mavenConfig = baseDir.get().resolve(".mvn/maven.config");
    if (Files.isRegularFile(mavenConfig)) {
      for (String w : Files.readString(mavenConfig).split("\\s+")) {
        if (!w.isEmpty()) {
          all.add(w);
        }
      }
    }
    if (all.stream().anyMatch(a -> a.equals("-l") || a.startsWith("--log-file"))) {
      return Optional.empty();
    }
    Optional<List<String>> jvmArgs = MavenHome.jvmOptions(baseDir.get(), env);
    if (jvmArgs.isEmpty()) {
      return Optional.empty();
    }
    List<String> logLevel = all.stream().filter(LOG_LEVEL_FLAGS::contains).sorted().toList();
    WarmMavenJvm.Key key =
        new WarmMavenJvm.Key(MavenHome.java(env), jvmArgs.get(), logLevel, Map.copyOf(env));
    return Optional.of(new WarmMavenJvm.Request(key, workDir, baseDir.get(), args));
  }

  private WarmMavenJvm acquire(WarmMavenJvm.Key key) {
    synchronized (idle) {
      for (var it = idle.iterator(); it.hasNext(); ) {
        WarmMavenJvm jvm = it.next();
        if (jvm.key().equals(key)) {
          it.remove();
          return jvm;
        }
      }
    }
    Optional<WarmMavenJvm> started = WarmMavenJvm.start(home, key, dir, jvms.incrementAndGet());
    if (started.isEmpty()) {
      broken.add(key); // its log says why; builds with this key run as processes
      return null;
    }
    live.add(started.get());
    if (closed) {
      retire(started.get());
      return null;
    }
    return started.get();
  }

  private void release(WarmMavenJvm jvm) {
    List<WarmMavenJvm> extra = new ArrayList<>();
    synchronized (idle) {
      idle.addFirst(jvm);
      while (idle.size() > IDLE_JVMS) {
        extra.add(idle.removeLast());
      }
    }
    extra.forEach(this::retire);
  }

  private void retire(WarmMavenJvm jvm) {
    live.remove(jvm);
    jvm.stop();
  }

  /** Stops every JVM; builds asked for afterwards run as processes. */
  @Override
  public void close() {
    closed = true;
    synchronized (idle) {
      idle.clear();
    }
    live.forEach(this::retire);
  }
}
