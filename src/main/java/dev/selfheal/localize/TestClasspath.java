package dev.selfheal.localize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Maven module's test class path for the warm worker: the project's own class folders (the
 * module's test classes and classes, then the other modules' classes), reloaded for every run, and
 * the library jars the build resolved, loaded once.
 *
 * @param module the module's folder relative to the repository ("" for the root)
 */
public record TestClasspath(String module, List<Path> roots, List<Path> libraries) {
  public TestClasspath {
    roots = List.copyOf(roots);
    libraries = List.copyOf(libraries);
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("a test class path has the project's classes");
    }
  }

  /** Why a module's tests cannot run in the worker; the heal goes on without this tier. */
  public static final class Unavailable extends Exception {
    public Unavailable(String message) {
      super(message);
    }
  }

  /**
   * @param jars the module's resolved dependency jars (test scope included)
   */
  public static TestClasspath of(Path repo, String module, List<Path> jars)
      throws Unavailable, IOException {
    Path dir = module.isEmpty() ? repo : repo.resolve(module);
    Path classes = dir.resolve("target/classes");
    Path tests = dir.resolve("target/test-classes");
    if (!Files.isDirectory(tests)) {
      throw new Unavailable(
          (module.isEmpty() ? "the project" : module)
              + " has no target/test-classes: its tests were not compiled by Maven");
    }
    List<Path> roots = new ArrayList<>(List.of(tests));
    if (Files.isDirectory(classes)) {
      roots.add(classes);
    }
    roots.addAll(otherModulesClasses(repo, classes));
    List<Path> libraries = jars.stream().filter(Files::isRegularFile).toList();
    return new TestClasspath(module, roots, libraries);
  }

  /**
   * The class path a surefire report names, in its order: its folders are the project's (reloaded
   * for every run), its jars the libraries.
   */
  public static TestClasspath ofSurefire(Path repo, String module, List<Path> entries)
      throws Unavailable {
    Path dir = module.isEmpty() ? repo : repo.resolve(module);
    Path tests = dir.resolve("target/test-classes");
    List<Path> roots = new ArrayList<>();
    List<Path> libraries = new ArrayList<>();
    for (Path e : entries) {
      if (Files.isDirectory(e)) {
        roots.add(e);
      } else if (Files.isRegularFile(e)) {
        libraries.add(e);
      }
    }
    if (!roots.contains(tests)) {
      throw new Unavailable(
          "the surefire report's class path does not hold "
              + repo.relativize(tests)
              + " (the report is from another build)");
    }
    return new TestClasspath(module, roots, libraries);
  }

  /** The module's own main classes (never test classes): where coverage is recorded. */
  public List<Path> mainClassRoots() {
    return roots.stream().filter(r -> !r.endsWith("test-classes")).toList();
  }

  /**
   * Every other module's {@code target/classes}: a sibling the module depends on resolves there in
   * a reactor build, and one it does not depend on is never loaded.
   */
  private static List<Path> otherModulesClasses(Path repo, Path own) throws IOException {
    List<Path> out = new ArrayList<>();
    Files.walkFileTree(
        repo,
        java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        8,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(
              Path d, java.nio.file.attribute.BasicFileAttributes a) {
            String name = d.getFileName() == null ? "" : d.getFileName().toString();
            if (!d.equals(repo) && (name.startsWith(".") || name.equals("node_modules"))) {
              return java.nio.file.FileVisitResult.SKIP_SUBTREE;
            }
            if (name.equals("target")) {
              Path classes = d.resolve("classes");
              if (!classes.equals(own)
                  && Files.isDirectory(classes)
                  && Files.isRegularFile(d.resolveSibling("pom.xml"))) {
                out.add(classes);
              }
              return java.nio.file.FileVisitResult.SKIP_SUBTREE;
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return out;
  }
}
