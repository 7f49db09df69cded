package dev.selfheal.breakage;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A working project's sources as the operators read them: every Java file and build file, by path
 * relative to the root, in a stable order, each Java file parsed once.
 */
public final class SourceTree {
  private static final Set<String> SKIP =
      Set.of(".git", "target", "build", "node_modules", ".gradle", "out", ".idea");

  private final Path root;
  private final Map<String, String> files;
  private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();
  private final JavaParser parser =
      new JavaParser(
          new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

  private SourceTree(Path root, Map<String, String> files) {
    this.root = root;
    this.files = files;
  }

  public static SourceTree read(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && SKIP.contains(dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String name = file.getFileName().toString();
            if (name.endsWith(".java") || name.equals("pom.xml") || name.equals("checkstyle.xml")) {
              files.put(
                  root.relativize(file).toString().replace('\\', '/'),
                  Files.readString(file, StandardCharsets.UTF_8));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return new SourceTree(root, files);
  }

  public Path root() {
    return root;
  }

  public String text(String file) {
    String t = files.get(file);
    if (t == null) {
      throw new IllegalArgumentException("no such file in the project: " + file);
    }
    return t;
  }

  public boolean has(String file) {
    return files.containsKey(file);
  }

  public List<String> javaFiles() {
    return files.keySet().stream().filter(f -> f.endsWith(".java")).toList();
  }

  public List<String> poms() {
    return files.keySet().stream().filter(f -> f.endsWith("pom.xml")).toList();
  }

  /** Every test source's text, one after another: what the tests can be seen to check. */
  public String testText() {
    StringBuilder tests = new StringBuilder();
    javaFiles().stream().filter(SourceTree::isTest).forEach(f -> tests.append(text(f)));
    return tests.toString();
  }

  public static boolean isTest(String file) {
    return file.startsWith("src/test/") || file.contains("/src/test/");
  }

  /** The folder of the nearest pom above a file ("" for the root). */
  public String moduleOf(String file) {
    String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
    while (!dir.isEmpty()) {
      if (files.containsKey(dir + "/pom.xml")) {
        return dir;
      }
      dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
    }
    return "";
  }

  /** The file's syntax tree; empty when it does not parse (such a file is left alone). */
  public synchronized Optional<CompilationUnit> parse(String file) {
    return parsed.computeIfAbsent(file, f -> parser.parse(text(f)).getResult());
  }

  /** Main (not test) Java files. */
  public List<String> mainFiles() {
    List<String> out = new ArrayList<>();
    for (String f : javaFiles()) {
      if (!isTest(f)) {
        out.add(f);
      }
    }
    return out;
  }
}
