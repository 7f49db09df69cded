package dev.selfheal.localize;

import dev.selfheal.model.Failure;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's Java sources, test classes and packages, as localization needs them. */
final class ProjectSources {
  /** Surefire's default includes, and the {@code NAME_TEST} spelling some projects use. */
  private static final Pattern TEST_CLASS =
      Pattern.compile("(?i)(Test\\w*|\\w*Tests?|\\w*TestCase)");

  private ProjectSources() {}

  /** Every .java file of the repository (outside build output and hidden folders), relative. */
  static List<String> javaFiles(Path repo) throws IOException {
    List<String> out = new ArrayList<>();
    Files.walkFileTree(
        repo,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
            String n = d.getFileName() == null ? "" : d.getFileName().toString();
            boolean skip =
                !d.equals(repo)
                    && (n.startsWith(".") || n.equals("node_modules") || n.equals("target"));
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
            if (f.toString().endsWith(".java") && a.isRegularFile()) {
              out.add(repo.relativize(f).toString().replace('\\', '/'));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return out;
  }

  /**
   * The module (folder with the nearest pom.xml, "" for the root) most of the failing tests live
   * in: their file when the build named it, else the source file of their class.
   */
  static String moduleOf(Path repo, Collection<Failure> failing, List<String> sources) {
    Map<String, Integer> votes = new HashMap<>();
    for (Failure f : failing) {
      String file = f.file();
      if (file == null || !file.endsWith(".java")) {
        String cls = TestIds.className(f.test());
        String suffix = cls.replaceAll("\\$.*$", "").replace('.', '/') + ".java";
        file =
            sources.stream()
                .filter(s -> s.equals(suffix) || s.endsWith("/" + suffix))
                .findFirst()
                .orElse(null);
      }
      if (file != null) {
        votes.merge(module(repo, file), 1, Integer::sum);
      }
    }
    return votes.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse("");
  }

  private static String module(Path repo, String file) {
    Path dir = repo.resolve(file).getParent();
    while (dir != null && dir.startsWith(repo) && !dir.equals(repo)) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))) {
        return repo.relativize(dir).toString().replace('\\', '/');
      }
      dir = dir.getParent();
    }
    return "";
  }

  /** The top-level classes of a test-classes folder whose names say they are tests. */
  static List<String> testClasses(Path testClasses) throws IOException {
    if (!Files.isDirectory(testClasses)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(testClasses)) {
      return walk.map(p -> testClasses.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && !p.contains("$"))
          .map(p -> p.substring(0, p.length() - ".class".length()))
          .filter(p -> TEST_CLASS.matcher(p.substring(p.lastIndexOf('/') + 1)).matches())
          .map(p -> p.replace('/', '.'))
          .sorted()
          .toList();
    }
  }

  /**
   * The packages of the classes in these folders, as few as cover them all: the agent records these
   * and nothing else (not JUnit, not the libraries).
   */
  static List<String> packages(List<Path> roots) throws IOException {
    TreeSet<String> all = new TreeSet<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".class"))
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .forEach(
                p -> {
                  int slash = p.lastIndexOf('/');
                  all.add(
                      slash < 0
                          ? p.substring(0, p.length() - ".class".length()).replaceAll("\\$.*", "")
                              + "*"
                          : p.substring(0, slash).replace('/', '.') + ".*");
                });
      }
    }
    List<String> out = new ArrayList<>();
    for (String p : all) {
      String stem = p.endsWith(".*") ? p.substring(0, p.length() - 2) : null;
      boolean coveredByParent =
          stem != null
              && out.stream()
                  .anyMatch(
                      o -> o.endsWith(".*") && stem.startsWith(o.substring(0, o.length() - 1)));
      if (!coveredByParent) {
        out.add(p);
      }
    }
    return out;
  }
}
