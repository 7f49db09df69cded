package dev.selfheal.detect;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The test reports a run wrote: XML files that are new, or changed, since a snapshot taken just
 * before the run, and whose root element is a JUnit-format {@code testsuite} or {@code testsuites}
 * (wherever the runner was told to write them). A report left by an earlier run is never read as
 * this run's evidence; where a file system keeps coarse times, an identical rewrite may be missed,
 * which can only fail a validation, never pass one.
 */
public final class Reports {
  private static final Set<String> SKIP =
      Set.of(".git", "node_modules", ".venv", "venv", "__pycache__");

  private Reports() {}

  /** What a report file looked like before a run. */
  public record Stamp(long modifiedNanos, long size) {}

  /** The report files as they are now, to compare with after a run. */
  public static Map<Path, Stamp> snapshot(Path repo) throws IOException {
    Map<Path, Stamp> out = new HashMap<>();
    for (Path p : find(repo)) {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      out.put(p, new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size()));
    }
    return out;
  }

  public static List<Path> writtenSince(Path repo, Map<Path, Stamp> before) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : find(repo)) {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      Stamp now = new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size());
      if (!now.equals(before.get(p)) && isJunitReport(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Path> find(Path repo) throws IOException {
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
            if (name.endsWith(".xml")) {
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

  /** True when the document's first element is {@code testsuite} or {@code testsuites}. */
  static boolean isJunitReport(Path file) {
    byte[] head;
    try (var in = Files.newInputStream(file)) {
      head = in.readNBytes(4096);
    } catch (IOException e) {
      return false;
    }
    String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
    int i = 0;
    while ((i = text.indexOf('<', i)) >= 0) {
      char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
      if (next != '?' && next != '!') {
        return text.startsWith("<testsuite", i);
      }
      i++;
    }
    return false;
  }
}
