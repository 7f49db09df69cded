package dev.selfheal.detect;

import dev.selfheal.model.Failure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Recorded tool output under src/test/resources/fixtures, read against a recreated project layout.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path path(String name) {
    Path p = Path.of("src/test/resources/fixtures", name);
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("no fixture " + p);
    }
    return p;
  }

  /** A folder with empty files at the given repo-relative paths. */
  public static Path layout(Path dir, String... files) {
    try {
      for (String f : files) {
        Path p = dir.resolve(f);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "");
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Scans a fixture log with {@code repo} as the repository. The absolute folder the tool ran in
   * ({@code printedRoot}) is rewritten to {@code repo}, as if the project had been there.
   */
  public static List<Failure> scan(String fixture, Path repo, String printedRoot) {
    try {
      String text = Files.readString(path(fixture), StandardCharsets.UTF_8);
      String relocated = printedRoot == null ? text : text.replace(printedRoot, repo.toString());
      return Folding.fold(
          LogScan.scan(
                  new ByteArrayInputStream(relocated.getBytes(StandardCharsets.UTF_8)),
                  new PathResolver(new RepoFiles(repo)))
              .failures());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
