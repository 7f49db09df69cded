package dev.selfheal.guard;

import dev.selfheal.model.UnifiedDiffs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unified diff read back (by java-diff-utils' reader) as the lines each file loses and gains. */
record DiffLines(
    Map<String, List<String>> removed, Map<String, List<String>> added, List<String> deletedFiles) {
  static DiffLines of(String diff) {
    Map<String, List<String>> removed = new LinkedHashMap<>();
    Map<String, List<String>> added = new LinkedHashMap<>();
    List<String> deleted = new ArrayList<>();
    for (UnifiedDiffs.FileLines f : UnifiedDiffs.read(diff)) {
      if (f.deleted()) {
        deleted.add(f.path());
      }
      if (!f.removed().isEmpty()) {
        removed.computeIfAbsent(f.path(), k -> new ArrayList<>()).addAll(f.removed());
      }
      if (!f.added().isEmpty()) {
        added.computeIfAbsent(f.path(), k -> new ArrayList<>()).addAll(f.added());
      }
    }
    return new DiffLines(removed, added, deleted);
  }
}
