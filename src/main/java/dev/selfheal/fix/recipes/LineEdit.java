package dev.selfheal.fix.recipes;

import dev.selfheal.model.Edit;
import java.util.Optional;

/**
 * An edit that replaces one line, anchored on that line — widened with the lines above it until the
 * anchor occurs once in the file, as an edit's old text must.
 */
final class LineEdit {
  private LineEdit() {}

  static Optional<Edit> replace(String file, String source, int index, String newLine) {
    String[] lines = source.split("\r?\n", -1);
    if (index < 0 || index >= lines.length || lines[index].equals(newLine)) {
      return Optional.empty();
    }
    String text = source.replace("\r\n", "\n");
    String old = lines[index];
    String neu = newLine;
    for (int k = index - 1; k >= 0 && count(text, old) > 1; k--) {
      old = lines[k] + "\n" + old;
      neu = lines[k] + "\n" + neu;
    }
    return count(text, old) == 1 ? Optional.of(new Edit(file, old, neu)) : Optional.empty();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
