package dev.selfheal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the example projects in {@code examples/}, for tests that really build them. */
public final class Projects {
  private Projects() {}

  public static Path copy(String example, Path target) {
    return copyTree(Path.of("examples", example), target);
  }

  /** A folder copied whole (a golden set's bases and cases, say). */
  public static Path copyTree(Path src, Path target) {
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = target.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path repo, String file, String text) {
    try {
      Path p = repo.resolve(file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
