package dev.selfheal.eval;

import dev.selfheal.pipeline.HealReport;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a heal's fault localization pointed at its fix: a line the final patch changes (or, for a
 * pure insertion, the line it goes before) was among the top five ranked. The eval's localization
 * accuracy is the share of healed, localized cases where it was.
 */
final class LocalizationAccuracy {
  static final int TOP = 5;
  private static final Pattern FILE = Pattern.compile("^--- (?:a/)?(\\S+)");
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+\\d+(?:,\\d+)? @@");

  private LocalizationAccuracy() {}

  /** True or false for a healed, localized heal; null when there is nothing to judge. */
  static Boolean inTop(HealReport r) {
    if (r == null
        || r.localization() == null
        || !r.localization().localized()
        || r.patch() == null
        || r.patch().diff() == null
        || r.patch().diff().isBlank()
        || r.fixes().isEmpty()) {
      return null;
    }
    Set<String> fixed = fixedLines(r.patch().diff());
    for (HealReport.Localization.Suspect s : r.localization().top()) {
      if (s.rank() <= TOP && fixed.contains(s.file() + ":" + s.line())) {
        return true;
      }
    }
    return false;
  }

  /** {@code file:line} for each original line a unified diff removes or inserts before. */
  static Set<String> fixedLines(String diff) {
    Set<String> out = new HashSet<>();
    String file = null;
    int line = 0;
    boolean replacing = false; // added lines right after removed ones replace them
    for (String l : diff.split("\n")) {
      Matcher f = FILE.matcher(l);
      Matcher h = HUNK.matcher(l);
      if (f.find()) {
        file = f.group(1);
      } else if (l.startsWith("+++")) {
        continue;
      } else if (h.find()) {
        line = Integer.parseInt(h.group(1));
        replacing = false;
      } else if (file != null && l.startsWith("-")) {
        out.add(file + ":" + line++);
        replacing = true;
      } else if (file != null && l.startsWith("+")) {
        if (!replacing) {
          out.add(file + ":" + line);
        }
      } else if (file != null) {
        line++;
        replacing = false;
      }
    }
    return out;
  }
}
