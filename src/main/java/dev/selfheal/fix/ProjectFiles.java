package dev.selfheal.fix;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The project's own files: the tree walked with build output, dependencies and VCS folders left
 * out, so every index sees the same sources and build files.
 */
final class ProjectFiles {
  private static final Set<String> SKIP =
      Set.of(".git", "target", "build", "node_modules", ".gradle", "out");

  /** Receives each file whose name the filter accepts. */
  @FunctionalInterface
  interface Visitor {
    void visit(Path file) throws IOException;
  }

  private ProjectFiles() {}

  static void walk(Path repo, Predicate<String> fileName, Visitor visitor) throws IOException {
    Files.walkFileTree(
        repo,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(repo) && SKIP.contains(dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (fileName.test(file.getFileName().toString())) {
              visitor.visit(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
