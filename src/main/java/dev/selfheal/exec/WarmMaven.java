package dev.selfheal.exec;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;

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
    Optional<MavenHome> onPath = MavenHome.onPath(env);
    if (onPath.isEmpty() || !onPath.get().equals(home)) {
      return Optional.empty();
    }
    // Maven 3.9's script puts MAVEN_ARGS, split into words, before the command line's own.
    List<String> args = new ArrayList<>();
    String mavenArgs = home.readsMavenArgs() ? env.getOrDefault("MAVEN_ARGS", "") : "";
    for (String w : mavenArgs.split("[ \t\n]+")) {
      if (w.matches(".*[*?\\[].*")) {
        return Optional.empty();
      }
      if (!w.isEmpty()) {
        args.add(w);
      }
    }
    args.addAll(words.get().subList(1, words.get().size()));
    Path workDir = spec.workDir().toAbsolutePath().normalize();
    Optional<Path> baseDir = MavenHome.projectBaseDir(workDir, args, env);
    if (baseDir.isEmpty()) {
      return Optional.empty();
    }
    List<String> all = new ArrayList<>(args);
    Path mavenConfig = baseDir.get().resolve(".mvn/maven.config");
    if (Files.isRegularFile(mavenConfig)) {
      all.addAll(List.of(Files.readString(mavenConfig).strip().split("\\s+")));
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

  /** The Maven installation behind a {@code mvn} script, and what the script computes. */
  record MavenHome(Path dir, Path classworlds, boolean readsMavenArgs) {
    static Optional<MavenHome> onPath(Map<String, String> env) throws IOException {
      for (String d : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path mvn = d.isEmpty() ? null : Path.of(d, "mvn");
        if (mvn != null && Files.isExecutable(mvn)) {
          Path home = mvn.toRealPath().getParent().getParent();
          Path boot = home.resolve("boot");
          if (!Files.isRegularFile(home.resolve("bin/m2.conf")) || !Files.isDirectory(boot)) {
            return Optional.empty();
          }
          try (Stream<Path> s = Files.list(boot)) {
            List<Path> jars =
                s.filter(p -> p.getFileName().toString().startsWith("plexus-classworlds-"))
                    .filter(p -> p.toString().endsWith(".jar"))
                    .toList();
            return jars.size() == 1
                ? Optional.of(
                    new MavenHome(
                        home,
                        jars.get(0),
                        Files.readString(
                                mvn.toRealPath(), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains("MAVEN_ARGS")))
                : Optional.empty();
          }
        }
      }
      return Optional.empty();
    }

    /** The java the script runs: {@code $JAVA_HOME/bin/java}, else {@code java} on the PATH. */
    static String java(Map<String, String> env) {
      String javaHome = env.get("JAVA_HOME");
      if (javaHome != null && !javaHome.isEmpty()) {
        return Path.of(javaHome, "bin", "java").toString();
      }
      for (String d : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        if (!d.isEmpty() && Files.isExecutable(Path.of(d, "java"))) {
          return Path.of(d, "java").toString();
        }
      }
      return "java";
    }

    /**
     * The script's project base directory: {@code MAVEN_BASEDIR}, else the nearest folder with a
     * {@code .mvn} above the working directory (or the {@code -f} argument's), else that folder.
     */
    static Optional<Path> projectBaseDir(Path workDir, List<String> args, Map<String, String> env) {
      String fixed = env.get("MAVEN_BASEDIR");
      if (fixed != null && !fixed.isEmpty()) {
        return Optional.of(Path.of(fixed));
      }
      Path start = workDir;
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).equals("-f") || args.get(i).equals("--file")) {
          if (i + 1 == args.size()) {
            return Optional.empty();
          }
          Path f = workDir.resolve(args.get(i + 1)).normalize();
          if (Files.isDirectory(f)) {
            start = f;
          } else if (Files.isRegularFile(f)) {
            start = f.getParent();
          } else {
            return Optional.empty(); // the script's own error message belongs to the script
          }
          break;
        }
      }
      for (Path p = start; p != null && p.getParent() != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve(".mvn"))) {
          return Optional.of(p);
        }
      }
      return Optional.of(start);
    }

    /**
     * The script's JVM options: {@code .mvn/jvm.config}'s lines, {@code MAVEN_OPTS} and {@code
     * MAVEN_DEBUG_OPTS}, split into words; empty when a word holds a glob the shell would expand.
     */
    static Optional<List<String>> jvmOptions(Path baseDir, Map<String, String> env)
        throws IOException {
      StringBuilder all = new StringBuilder();
      Path jvmConfig = baseDir.resolve(".mvn/jvm.config");
      if (Files.isRegularFile(jvmConfig)) {
        try (InputStream in = Files.newInputStream(jvmConfig)) {
          all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      all.append(' ').append(env.getOrDefault("MAVEN_OPTS", ""));
      all.append(' ').append(env.getOrDefault("MAVEN_DEBUG_OPTS", ""));
      List<String> words = new ArrayList<>();
      for (String w : all.toString().split("[ \t\r\n]+")) {
        if (w.isEmpty()) {
          continue;
        }
        if (w.matches(".*[*?\\[].*")) {
          return Optional.empty();
        }
        words.add(w);
      }
      return Optional.of(List.copyOf(words));
    }
  }
}
