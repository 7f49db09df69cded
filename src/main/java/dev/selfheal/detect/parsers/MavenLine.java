package dev.selfheal.detect.parsers;

/** Maven prefixes each line with its level; parsers look at what follows. */
final class MavenLine {
  private MavenLine() {}

  /**
   * The line without a leading {@code [ERROR] }, {@code [WARNING] }, {@code [INFO] } or {@code
   * [WARN] }.
   */
  static String body(String line) {
    if (line.isEmpty() || line.charAt(0) != '[') {
      return line;
    }
    int close = line.indexOf(']');
    if (close < 2 || close > 9) {
      return line;
    }
    String level = line.substring(1, close);
    if (!level.equals("ERROR")
        && !level.equals("WARNING")
        && !level.equals("INFO")
        && !level.equals("WARN")
        && !level.equals("DEBUG")) {
      return line;
    }
    int start = close + 1;
    if (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    return line.substring(start);
  }

  static boolean isError(String line) {
    return line.startsWith("[ERROR]");
  }
}
