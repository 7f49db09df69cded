package dev.selfheal.deliver;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files of an {@code --apply}, staged whole outside the user's tree before any is swapped in. A
 * swap is one rename on the same file system. Across file systems the staged copy goes to a hidden
 * sibling first (the only moment anything of selfheal's sits in the tree), which a shutdown hook
 * removes if the JVM is stopped (Ctrl-C, a CI cancellation) before the rename.
 */
final class StagedFiles {
  private static final Set<Path> SIBLINGS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    SIBLINGS.forEach(
                        p -> {
                          try {
                            Files.deleteIfExists(p);
                          } catch (IOException ignored) {
                            // nothing more can be done while the JVM stops
                          }
                        }),
                "selfheal-apply-cleanup"));
  }

  /** One file: its staged new text (null: delete it), its backup (null: it did not exist). */
  private record Entry(Path target, Path fresh, Path backup) {}

  private final Path dir;
  private final List<Entry> entries;

  private StagedFiles(Path dir, List<Entry> entries) {
    this.dir = dir;
    this.entries = entries;
  }

  /**
   * Copies every new text and every file it replaces into {@code staging}; nothing in the tree is
   * touched yet. {@code files}: file → {its validated version, its place in the user's tree}.
   */
  static StagedFiles prepare(Path staging, Map<String, Path[]> files) throws IOException {
    Files.createDirectories(staging);
    Path dir = Files.createTempDirectory(staging, "apply");
    List<Entry> entries = new ArrayList<>();
    StagedFiles staged = new StagedFiles(dir, entries);
    try {
      int i = 0;
      for (Path[] f : files.values()) {
        Path from = f[0];
        Path to = f[1];
        boolean exists = Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS);
        Path backup = null;
        if (exists) {
          backup = dir.resolve("old-" + i);
          Files.copy(to, backup, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        Path fresh = null;
        if (Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
          fresh = dir.resolve("new-" + i);
          Files.copy(from, fresh, LinkOption.NOFOLLOW_LINKS);
          Files.setPosixFilePermissions(
              fresh, Files.getPosixFilePermissions(exists ? to : from, LinkOption.NOFOLLOW_LINKS));
        }
        entries.add(new Entry(to, fresh, backup));
        i++;
      }
      return staged;
    } catch (IOException | RuntimeException e) {
      staged.cleanUp();
      throw e;
    }
  }

  /** Swaps every file in; on a failure, puts back the ones already swapped and throws. */
  void commit() throws IOException {
    List<Entry> done = new ArrayList<>();
    try {
      for (Entry e : entries) {
        if (e.fresh() == null) {
          Files.deleteIfExists(e.target());
        } else {
          Files.createDirectories(e.target().getParent());
          swap(e.fresh(), e.target());
        }
        done.add(e);
      }
    } catch (IOException | RuntimeException failure) {
      for (int i = done.size() - 1; i >= 0; i--) {
        Entry e = done.get(i);
        try {
          if (e.backup() == null) {
            Files.deleteIfExists(e.target());
          } else {
            swap(e.backup(), e.target());
          }
        } catch (IOException restore) {
          failure.addSuppressed(restore);
        }
      }
      throw failure;
    }
  }

  void cleanUp() {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // the run folder is selfheal's own; a leftover there harms nothing
                }
              });
    } catch (IOException ignored) {
      // as above
    }
  }

  private static void swap(Path staged, Path target) throws IOException {
    try {
      Files.move(
          staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    } catch (AtomicMoveNotSupportedException otherFileSystem) {
      // copied beside the target first, then renamed over it
    }
    Path sibling =
        target.resolveSibling(
            ".selfheal-apply-" + ProcessHandle.current().pid() + "-" + target.getFileName());
    SIBLINGS.add(sibling);
    try {
      Files.copy(
          staged, sibling, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      Files.move(
          sibling, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(sibling);
      SIBLINGS.remove(sibling);
    }
  }
}
