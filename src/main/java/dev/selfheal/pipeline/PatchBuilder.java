package dev.selfheal.pipeline;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.selfheal.model.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The unified diff of all fixes together, from each touched file's text before and after. */
final class PatchBuilder {
  private PatchBuilder() {}

  /**
   * @param before a file's text when the run began (null: the fix creates it); after: its text now
   *     (null: deleted)
   */
  static Patch build(Map<String, String[]> beforeAfter) {
    StringBuilder diff = new StringBuilder();
    List<String> files = new ArrayList<>();
    int lines = 0;
    for (Map.Entry<String, String[]> e : beforeAfter.entrySet()) {
      String before = e.getValue()[0];
      String after = e.getValue()[1];
      if (before != null && before.equals(after)) {
        continue;
      }
      List<String> a = lines(before);
      List<String> b = lines(after);
      List<String> unified =
          UnifiedDiffUtils.generateUnifiedDiff(
              before == null ? "/dev/null" : "a/" + e.getKey(),
              after == null ? "/dev/null" : "b/" + e.getKey(),
              a,
              DiffUtils.diff(a, b),
              3);
      for (String l : unified) {
        diff.append(l).append('\n');
        if ((l.startsWith("+") && !l.startsWith("+++"))
            || (l.startsWith("-") && !l.startsWith("---"))) {
          lines++;
        }
      }
      files.add(e.getKey());
    }
    return new Patch(files.size(), lines, diff.toString(), files);
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String[] parts = text.split("\n", -1);
    List<String> out =
        new ArrayList<>(
            Arrays.asList(parts).subList(0, text.endsWith("\n") ? parts.length - 1 : parts.length));
    if (!text.endsWith("\n")) {
      // As git writes it; the marker also makes "}" and "}\n" differ, so the change shows.
      out.set(out.size() - 1, out.get(out.size() - 1) + "\n\\ No newline at end of file");
    }
    return out;
  }
}
