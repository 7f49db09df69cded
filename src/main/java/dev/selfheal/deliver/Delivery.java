package dev.selfheal.deliver;

import dev.selfheal.model.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * How a validated patch leaves the workspace. A dry run leaves the user's tree alone (the patch is
 * printed). {@code --apply} copies the validated files into the user's tree, all or none, and only
 * if each still holds what it held when the run began.
 */
public final class Delivery {
  private Delivery() {}

  /** A file's text when the run began (null if it did not exist then). */
  @FunctionalInterface
  public interface Originals {
    String of(String file) throws IOException;
  }

  public record Outcome(boolean applied, String message) {}

  public enum Mode {
    DRY_RUN,
    APPLY
  }

  public static Outcome deliver(
      Mode mode, Path workspaceRepo, Path userRepo, Patch patch, Originals originals)
      throws IOException {
    if (mode == Mode.DRY_RUN) {
      return new Outcome(
          false, "validated; dry run, nothing written (run with --apply to write the patch)");
    }
    List<String> changed = new ArrayList<>();
    for (String file : patch.files()) {
      Path user = userRepo.resolve(file);
      String now =
          Files.exists(user, LinkOption.NOFOLLOW_LINKS)
              ? new String(Files.readAllBytes(user), StandardCharsets.UTF_8)
              : null;
      String then = originals.of(file);
      boolean same =
          then == null ? now == null : now != null && comparable(then).equals(comparable(now));
      if (!same) {
        changed.add(file);
      }
    }
    if (!changed.isEmpty()) {
      return new Outcome(
          false,
          "not applied: "
              + String.join(", ", changed)
              + " changed since the run began; the validated patch is printed instead");
    }
    List<Path> temps = new ArrayList<>();
    try {
      for (String file : patch.files()) {
        Path from = workspaceRepo.resolve(file);
        Path to = userRepo.resolve(file);
        if (Files.exists(from)) {
          Files.createDirectories(to.getParent());
          Path tmp = Files.createTempFile(to.getParent(), ".selfheal", ".tmp");
          temps.add(tmp);
          Files.copy(
              from, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      int i = 0;
      for (String file : patch.files()) {
        Path from = workspaceRepo.resolve(file);
        Path to = userRepo.resolve(file);
        if (Files.exists(from)) {
          Files.move(
              temps.get(i++),
              to,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.deleteIfExists(to);
        }
      }
    } finally {
      for (Path t : temps) {
        Files.deleteIfExists(t);
      }
    }
    return new Outcome(true, "applied to " + patch.filesChanged() + " file(s) in " + userRepo);
  }

  /** Git may hand back a file with other line endings (core.autocrlf) or without its BOM. */
  private static String comparable(String s) {
    String t = s.startsWith("\uFEFF") ? s.substring(1) : s;
    return t.replace("\r\n", "\n");
  }
}
