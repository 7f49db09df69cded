package dev.selfheal.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change to one file: {@code oldText} must identify exactly one place in it (exactly, or else
 * by a unique match that tolerates differences in whitespace), which becomes {@code newText}. The
 * file's line endings are kept: a CRLF file gets CRLF in the new text too.
 */
public record Edit(String file, String oldText, String newText) {
  public Edit {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(oldText, "oldText");
    Objects.requireNonNull(newText, "newText");
    if (file.isBlank()) {
      throw new IllegalArgumentException("edit without a file");
    }
    if (oldText.isEmpty()) {
      throw new IllegalArgumentException(
          "edit of " + file + " has no old_text to say where it goes");
    }
    if (oldText.equals(newText)) {
      throw new IllegalArgumentException("edit of " + file + " changes nothing");
    }
  }

  /** The outcome of applying an edit to a file's text. */
  public sealed interface Applied {
    record Changed(String text) implements Applied {}

    record NotFound(String reason) implements Applied {}
  }

  public Applied applyTo(String content) {
    boolean crlf = content.contains("\r\n");
    String old = crlf ? toCrlf(oldText) : oldText;
    String neu = crlf ? toCrlf(newText) : newText;
    int at = content.indexOf(old);
    if (at >= 0) {
      if (content.indexOf(old, at + 1) >= 0) {
        return new Applied.NotFound(
            file + ": old_text occurs more than once; quote more lines around it");
      }
      return new Applied.Changed(
          content.substring(0, at) + neu + content.substring(at + old.length()));
    }
    Matcher m = tolerant(oldText).matcher(content);
    if (!m.find()) {
      return new Applied.NotFound(
          file + ": old_text is not in the file (not even ignoring whitespace)");
    }
    int start = m.start();
    int end = m.end();
    if (m.find()) {
      return new Applied.NotFound(
          file + ": old_text matches more than one place when whitespace is ignored");
    }
    return new Applied.Changed(content.substring(0, start) + neu + content.substring(end));
  }

  private static Pattern tolerant(String text) {
    StringBuilder re = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (re.length() > 0) {
        re.append("\\s+");
      }
      re.append(Pattern.quote(word));
    }
    return Pattern.compile(re.toString());
  }

  private static String toCrlf(String s) {
    return s.replace("\r\n", "\n").replace("\n", "\r\n");
  }
}
