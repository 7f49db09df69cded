package dev.selfheal.detect;

/**
 * Turns a CI log line into what the tool printed: drops the GitHub Actions timestamp prefix and
 * ANSI colour codes, and follows {@code ##[group]} markers so a failure knows its step. Cheap
 * character checks come before any work, because most lines need none.
 */
final class CiLogNormalizer {
  private String step;

  String step() {
    return step;
  }

  /** The cleaned line, or null for a marker line that carries no tool output. */
  String clean(String line) {
    String s = stripTimestamp(line);
    if (s.indexOf('\u001b') >= 0) {
      s = stripAnsi(s);
    }
    if (s.startsWith("##[")) {
      if (s.startsWith("##[group]")) {
        String name = s.substring("##[group]".length()).strip();
        step = name.startsWith("Run ") ? name.substring(4).strip() : name;
        return null;
      }
      if (s.startsWith("##[endgroup]")) {
        return null;
      }
      if (s.startsWith("##[error]Process completed with exit code")) {
        return null;
      }
      int close = s.indexOf(']');
      return close > 0 ? s.substring(close + 1) : s;
    }
    return s;
  }

  static String stripTimestamp(String s) {
    // 2026-11-20T09:10:01.1234568Z <text>
    if (s.length() >= 21
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && Character.isDigit(s.charAt(0))) {
      int z = s.indexOf('Z', 19);
      if (z > 0 && z < 40) {
        int start = z + 1;
        if (start < s.length() && s.charAt(start) == ' ') {
          start++;
        }
        return s.substring(start);
      }
    }
    return s;
  }

  static String stripAnsi(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
        int j = i + 2;
        while (j < s.length()
            && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';' || s.charAt(j) == '?')) {
          j++;
        }
        i = j; // skips the final letter too
      } else if (c != '\u001b') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
