package dev.selfheal.fix.logic;

import dev.selfheal.model.Edit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The edit that turns a file's text into another: the lines that differ, widened with the lines
 * around them until they occur once in the file (as an edit's old text must).
 */
final class Edits {
  private Edits() {}

  static Optional<Edit> between(String file, String before, String after) {
    List<String> a = Arrays.asList(before.replace("\r\n", "\n").split("\n", -1));
    List<String> b = Arrays.asList(after.replace("\r\n", "\n").split("\n", -1));
    int p = 0;
    while (p < a.size() && p < b.size() && a.get(p).equals(b.get(p))) {
      p++;
    }
    int s = 0;
    while (s < a.size() - p
        && s < b.size() - p
        && a.get(a.size() - 1 - s).equals(b.get(b.size() - 1 - s))) {
      s++;
    }
    if (p == a.size() && p == b.size()) {
      return Optional.empty();
    }
    int from = p;
    int toA = a.size() - s;
    int toB = b.size() - s;
    String text = String.join("\n", a);
    while (true) {
      String old = String.join("\n", a.subList(from, toA));
      String neu = String.join("\n", b.subList(from, toB));
      if (!old.isBlank() && count(text, old) == 1) {
        return Optional.of(new Edit(file, old, neu));
      }
      if (from > 0) {
        from--;
      } else if (toA < a.size()) {
        toA++;
        toB++;
      } else {
        return Optional.empty();
      }
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
