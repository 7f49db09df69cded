package dev.selfheal.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unified diff read back as the lines each file loses and gains. */
record DiffLines(
    Map<String, List<String>> removed, Map<String, List<String>> added, List<String> deletedFiles) {
  static DiffLines of(String diff) {
    Map<String, List<String>> removed = new LinkedHashMap<>();
    Map<String, List<String>> added = new LinkedHashMap<>();
    List<String> deleted = new ArrayList<>();
    String file = null;
    String from = null;
    for (String line : diff.split("\n")) {
      if (line.startsWith("--- ")) {
        from = strip(line.substring(4));
      } else if (line.startsWith("+++ ")) {
        String to = strip(line.substring(4));
        file = to == null ? from : to;
        if (to == null && from != null) {
          deleted.add(from);
        }
      } else if (file != null && line.startsWith("-")) {
        removed.computeIfAbsent(file, k -> new ArrayList<>()).add(line.substring(1));
      } else if (file != null && line.startsWith("+")) {
        added.computeIfAbsent(file, k -> new ArrayList<>()).add(line.substring(1));
      }
    }
    return new DiffLines(removed, added, deleted);
  }

  private static String strip(String path) {
    String p = path.split("\t")[0].strip();
    if (p.equals("/dev/null")) {
      return null;
    }
    return p.startsWith("a/") || p.startsWith("b/") ? p.substring(2) : p;
  }
}
