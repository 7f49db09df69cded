package dev.selfheal.deliver;

import dev.selfheal.model.Patch;
import dev.selfheal.model.RepoPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a validated patch leaves the workspace. A dry run leaves the user's tree alone (the patch is
 * printed). {@code --apply} writes the validated files into the user's tree, all or none, and only
 * if each still holds what it held when the run began: every new text is first staged whole in the
 * run's own folder (outside the tree), the files it replaces are kept there too, and only then is
 * each file swapped in by a rename; a failure part way puts back those already swapped. No path is
 * followed through a link.
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

  /**
   * @param staging a folder outside the user's tree (the run's folder) for the staged texts
   */
  public static Outcome deliver(
      Mode mode, Path workspaceRepo, Path userRepo, Patch patch, Originals originals, Path staging)
      throws IOException {
    if (mode == Mode.DRY_RUN) {
      return new Outcome(
          false, "validated; dry run, nothing written (run with --apply to write the patch)");
    }
    Map<String, Path[]> files = new LinkedHashMap<>(); // file -> {workspace, user}
    List<String> changed = new ArrayList<>();
    for (String file : patch.files()) {
      Path from;
      Path to;
      try {
        from = RepoPath.inside(workspaceRepo, file);
        to = RepoPath.inside(userRepo, file);
      } catch (RepoPath.Refused r) {
        return new Outcome(false, "not applied: " + r.getMessage());
      }
      files.put(file, new Path[] {from, to});
      String now =
          Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS)
              ? new String(Files.readAllBytes(to), StandardCharsets.UTF_8)
              : null;
      if (now == null && Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        return new Outcome(false, "not applied: " + file + " is not a regular file in your tree");
      }
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
    StagedFiles staged;
    try {
      staged = StagedFiles.prepare(staging, files);
    } catch (IOException e) {
      return new Outcome(false, "not applied, nothing was written: " + e.getMessage());
    }
    try {
      staged.commit();
    } catch (IOException e) {
      return new Outcome(false, "not applied, your files are as they were: " + e.getMessage());
    } finally {
      staged.cleanUp();
    }
    return new Outcome(true, "applied to " + patch.filesChanged() + " file(s) in " + userRepo);
  }

  /** Git may hand back a file with other line endings (core.autocrlf) or without its BOM. */
  private static String comparable(String s) {
    String t = s.startsWith("\uFEFF") ? s.substring(1) : s;
    return t.replace("\r\n", "\n");
  }
}
