package dev.selfheal.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The Maven installation behind a {@code mvn} script, and what the script computes. */
record MavenHome(Path script, Path dir, Path classworlds, boolean readsMavenArgs) {
  /** Whether {@code mvn} on the environment's PATH is this installation's script. */
  boolean isOnPath(Map<String, String> env) throws IOException {
    Optional<Path> mvn = ProgramLookup.find("mvn", env.getOrDefault("PATH", ""));
    return mvn.isPresent() && mvn.get().toRealPath().equals(script);
  }

  static Optional<MavenHome> onPath(Map<String, String> env) throws IOException {
    Optional<Path> mvn = ProgramLookup.find("mvn", env.getOrDefault("PATH", ""));
    if (mvn.isEmpty()) {
      return Optional.empty();
    }
    Path script = mvn.get().toRealPath();
    Path home = script.getParent().getParent();
    Path boot = home.resolve("boot");
    if (!Files.isRegularFile(home.resolve("bin/m2.conf")) || !Files.isDirectory(boot)) {
      return Optional.empty();
    }
    List<Path> jars;
    try (Stream<Path> s = Files.list(boot)) {
      jars =
          s.filter(p -> p.getFileName().toString().startsWith("plexus-classworlds-"))
              .filter(p -> p.toString().endsWith(".jar"))
              .toList();
    }
    if (jars.size() != 1) {
      return Optional.empty();
    }
    boolean readsMavenArgs =
        Files.readString(script, java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("MAVEN_ARGS");
    return Optional.of(new MavenHome(script, home, jars.get(0), readsMavenArgs));
  }

  /** The java the script runs: {@code $JAVA_HOME/bin/java}, else {@code java} on the PATH. */
  static String java(Map<String, String> env) {
    String javaHome = env.get("JAVA_HOME");
    if (javaHome != null && !javaHome.isEmpty()) {
      return Path.of(javaHome, "bin", "java").toString();
    }
    Optional<Path> java = ProgramLookup.find("java", env.getOrDefault("PATH", ""));
    if (java.isPresent()) {
      return java.get().toString();
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
    return fieldSplit(all.toString());
  }

  /**
   * A variable's value as the script's unquoted {@code $VAR} becomes words; empty when a word holds
   * a glob the shell would expand against whatever folder it runs in.
   */
  static Optional<List<String>> fieldSplit(String value) {
    List<String> words = new ArrayList<>();
    for (String w : value.split("[ \t\r\n]+")) {
      if (w.matches(".*[*?\\[].*")) {
        return Optional.empty();
      }
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return Optional.of(List.copyOf(words));
  }
}
