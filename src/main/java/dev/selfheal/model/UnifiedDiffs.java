package dev.selfheal.model;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff read back by java-diff-utils' reader — hunks by their line counts, so a removed
 * content line that begins with {@code -- } (an SQL or Lua comment, shown as {@code --- ...}) is a
 * removed line, not a file header — as the lines each file loses and gains.
 */
public final class UnifiedDiffs {
  private UnifiedDiffs() {}

  /** One file of a diff: its path, whether the diff deletes it, its removed and added lines. */
  public record FileLines(String path, boolean deleted, List<String> removed, List<String> added) {
    public FileLines {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }
  }

  public static List<FileLines> read(String diff) {
    if (diff == null || diff.isBlank()) {
      return List.of();
    }
    UnifiedDiff parsed;
    try {
      parsed =
          UnifiedDiffReader.parseUnifiedDiff(
              new ByteArrayInputStream(diff.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a unified diff: " + e.getMessage(), e);
    }
    List<FileLines> out = new ArrayList<>();
    for (UnifiedDiffFile f : parsed.getFiles()) {
      String to = clean(f.getToFile());
      String from = clean(f.getFromFile());
      boolean deleted = to == null;
      String path = deleted ? from : to;
      if (path == null) {
        continue;
      }
      List<String> removed = new ArrayList<>();
      List<String> added = new ArrayList<>();
      if (f.getPatch() != null) {
        for (AbstractDelta<String> hunk : f.getPatch().getDeltas()) {
          // A hunk's lines hold its context too: the changes are what differs within it.
          for (AbstractDelta<String> d :
              DiffUtils.diff(hunk.getSource().getLines(), hunk.getTarget().getLines())
                  .getDeltas()) {
            removed.addAll(d.getSource().getLines());
            added.addAll(d.getTarget().getLines());
          }
        }
      }
      out.add(new FileLines(path, deleted, removed, added));
    }
    return out;
  }

  private static String clean(String p) {
    if (p == null) {
      return null;
    }
    String s = p.split("\t")[0].strip();
    if (s.equals("/dev/null") || s.isEmpty()) {
      return null;
    }
    return s.startsWith("a/") || s.startsWith("b/") ? s.substring(2) : s;
  }
}
