package dev.selfheal.detect;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The test reports a run wrote: JUnit-format XML in the folders runners write to, modified at or
 * after the run's start (whole seconds, for file systems that keep no more). A report left by an
 * earlier run is never read as this run's evidence.
 */
public final class Reports {
  private static final Set<String> REPORT_DIRS =
      Set.of(
          "surefire-reports", "failsafe-reports", "test-results", "test-reports", "junit-reports");
  private static final Set<String> SKIP =
      Set.of(".git", "node_modules", ".venv", "venv", "__pycache__");

  private Reports() {}

  public static List<Path> writtenSince(Path repo, Instant start) throws IOException {
    Instant since = start.truncatedTo(ChronoUnit.SECONDS);
    List<Path> out = new ArrayList<>();
    Files.walkFileTree(
        repo,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Path name = dir.getFileName();
            return name != null && !dir.equals(repo) && SKIP.contains(name.toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (name.endsWith(".xml")
                && isReportName(file, name)
                && !attrs.lastModifiedTime().toInstant().isBefore(since)) {
              out.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return out;
  }

  private static boolean isReportName(Path file, String name) {
    if (name.startsWith("TEST-") || name.contains("junit")) {
      return true;
    }
    for (Path p = file.getParent(); p != null; p = p.getParent()) {
      if (p.getFileName() != null && REPORT_DIRS.contains(p.getFileName().toString())) {
        return true;
      }
    }
    return false;
  }
}
