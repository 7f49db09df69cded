package dev.selfheal.fix;

import dev.selfheal.exec.CommandNotFoundException;
import dev.selfheal.exec.CommandRunner;
import dev.selfheal.exec.CommandSpec;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The dependency jars on each module's classpath, as the build itself resolves them, and the types
 * in them. Resolved once per heal with the build's own dependency plugin (main compilation skipped,
 * so a broken module still answers) and cached in the state directory, keyed by a hash of the build
 * files; a cached jar that has since disappeared from the local repository invalidates the entry.
 * Maven only: a Gradle build has no dependency tier (Gradle cannot run here to be tested).
 */
public final class DependencyIndex {
  static final String OUTPUT = "target/selfheal-classpath.txt";
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** Resolves a repository's per-module classpaths; empty when the build cannot say. */
  @FunctionalInterface
  public interface Resolver {
    Map<String, List<Path>> classpaths(Path repo) throws IOException;
  }

  private final Path repo;
  private final Path cacheDir;
  private final Resolver resolver;
  private Map<String, List<Path>> classpaths;
  private Map<Path, List<String>> types;
  private final Map<String, ClassLoader> loaders = new HashMap<>();

  public DependencyIndex(Path repo, Path cacheDir, Resolver resolver) {
    this.repo = repo;
    this.cacheDir = cacheDir;
    this.resolver = resolver;
  }

  /** No dependency tier: recipes see only the project's and the JDK's types. */
  public static DependencyIndex none(Path repo) {
    return new DependencyIndex(repo, null, r -> Map.of());
  }

  /** Resolved by running Maven's dependency plugin in {@code repo}, logging to {@code logs}. */
  public static DependencyIndex maven(CommandRunner runner, Path repo, Path cacheDir, Path logs) {
    return new DependencyIndex(repo, cacheDir, r -> mavenClasspaths(runner, r, logs));
  }

  /** Module folder (relative, "" for the root) to the jars on its test classpath. */
  public synchronized Map<String, List<Path>> classpaths() throws IOException {
    load();
    return classpaths;
  }

  /** The jars on the classpath of the module holding {@code relativeFile}. */
  public List<Path> classpathOf(String relativeFile) throws IOException {
    return classpaths().getOrDefault(moduleOf(repo, relativeFile), List.of());
  }

  /** Class names in a jar, member types by canonical name (public or not: loading tells). */
  public synchronized List<String> typesIn(Path jar) throws IOException {
    load();
    List<String> known = types.get(jar);
    return known != null ? known : JarTypes.list(jar);
  }

  /** Fully qualified names of the types called {@code simpleName} visible to a file's module. */
  public List<String> named(String simpleName, String relativeFile) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path jar : classpathOf(relativeFile)) {
      for (String fqcn : typesIn(jar)) {
        if (fqcn.endsWith("." + simpleName) && !out.contains(fqcn)) {
          out.add(fqcn);
        }
      }
    }
    return out;
  }

  /** The class as the module's classpath defines it, for checking how it can be used. */
  public Optional<Class<?>> load(String fqcn, String relativeFile) throws IOException {
    String module = moduleOf(repo, relativeFile);
    ClassLoader loader;
    synchronized (this) {
      loader = loaders.get(module);
      if (loader == null) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpaths().getOrDefault(module, List.of())) {
          try {
            urls.add(p.toUri().toURL());
          } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
          }
        }
        loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        loaders.put(module, loader);
      }
    }
    // A member type's binary name has '$' where its canonical name has the last dots.
    String name = fqcn;
    while (true) {
      try {
        return Optional.of(Class.forName(name, false, loader));
      } catch (ClassNotFoundException e) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
          return Optional.empty();
        }
        name = name.substring(0, dot) + "$" + name.substring(dot + 1);
      } catch (LinkageError e) {
        return Optional.empty();
      }
    }
  }

  /** The folder of the nearest build file above a file ("" for the repository's root). */
  public static String moduleOf(Path repo, String relativeFile) {
    Path dir = repo.resolve(relativeFile).getParent();
    while (dir != null && dir.startsWith(repo)) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          || Files.isRegularFile(dir.resolve("build.gradle"))
          || Files.isRegularFile(dir.resolve("build.gradle.kts"))) {
        return repo.relativize(dir).toString().replace('\\', '/');
      }
      dir = dir.getParent();
    }
    return "";
  }

  private void load() throws IOException {
    if (classpaths != null) {
      return;
    }
    String key = cacheDir == null ? null : IndexCache.buildFilesHash(repo);
    Optional<IndexCache.Entry> cached =
        key == null ? Optional.empty() : IndexCache.read(cacheDir, key);
    if (cached.isPresent()) {
      classpaths = cached.get().classpaths();
      types = cached.get().types();
      return;
    }
    Map<String, List<Path>> resolved = new LinkedHashMap<>();
    resolver
        .classpaths(repo)
        .forEach(
            (module, entries) ->
                resolved.put(
                    module,
                    entries.stream()
                        .filter(p -> p.toString().endsWith(".jar") && !p.startsWith(repo))
                        .filter(Files::isRegularFile)
                        .toList()));
    Map<Path, List<String>> listed = new HashMap<>();
    for (List<Path> jars : resolved.values()) {
      for (Path jar : jars) {
        if (!listed.containsKey(jar)) {
          listed.put(jar, JarTypes.list(jar));
        }
      }
    }
    classpaths = resolved;
    types = listed;
    if (cacheDir != null && !resolved.isEmpty()) {
      IndexCache.write(cacheDir, key, new IndexCache.Entry(resolved, listed));
    }
  }

  private static Map<String, List<Path>> mavenClasspaths(CommandRunner runner, Path repo, Path logs)
      throws IOException {
    if (!Files.isRegularFile(repo.resolve("pom.xml"))) {
      return Map.of();
    }
    String mvn = Files.isExecutable(repo.resolve("mvnw")) ? "./mvnw" : "mvn";
    // Compilation and the checks bound before it are skipped: the build is broken, and only what
    // it resolves matters. -fae lets every module that can answer, answer.
    String command =
        mvn
            + " -B -q -fae -Dmaven.main.skip -Denforcer.skip -Dcheckstyle.skip -Dspotless.check.skip"
            + " -Dpmd.skip -Dspotbugs.skip -Drat.skip compile dependency:build-classpath"
            + " -Dmdep.outputFile="
            + OUTPUT;
    try {
      runner.run(CommandSpec.of(command, repo, TIMEOUT, logs.resolve("dependency-classpath.log")));
    } catch (CommandNotFoundException e) {
      return Map.of();
    }
    Map<String, List<Path>> out = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(repo)) {
      for (Path file : walk.filter(p -> p.endsWith(OUTPUT)).toList()) {
        String module = repo.relativize(file.getParent().getParent()).toString().replace('\\', '/');
        List<Path> entries = new ArrayList<>();
        for (String e :
            Files.readString(file, StandardCharsets.UTF_8)
                .strip()
                .split(java.io.File.pathSeparator)) {
          if (!e.isBlank()) {
            entries.add(Path.of(e.strip()));
          }
        }
        out.put(module, entries);
        Files.delete(file);
      }
    }
    return out;
  }
}
