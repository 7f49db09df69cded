package dev.selfheal.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The repository's own files, listed once on first use: logs name files relative to a module,
 * absolute on another machine, or only by class name, and all three resolve through this list.
 */
public final class RepoFiles {
  private static final Set<String> SKIP_DIRS =
      Set.of(
          ".git",
          "node_modules",
          "target",
          "build",
          ".gradle",
          ".idea",
          "__pycache__",
          ".venv",
          "venv",
          ".tox",
          "dist",
          "out");

  private final Path root;
  private List<String> files;

  public RepoFiles(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public List<String> all() {
    if (files == null) {
      files = list(root);
    }
    return files;
  }

  public boolean exists(String relative) {
    return Files.isRegularFile(root.resolve(relative));
  }

  /** The single file whose path ends with {@code /suffix} (or equals it); null if none or many. */
  public String uniqueBySuffix(String suffix) {
    String s = suffix.startsWith("/") ? suffix.substring(1) : suffix;
    String tail = "/" + s;
    String found = null;
    for (String f : all()) {
      if (f.equals(s) || f.endsWith(tail)) {
        if (found != null) {
          return null;
        }
        found = f;
      }
    }
    return found;
  }

  private static List<String> list(Path root) {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return !dir.equals(root) && SKIP_DIRS.contains(name)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                out.add(root.relativize(file).toString().replace('\\', '/'));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
