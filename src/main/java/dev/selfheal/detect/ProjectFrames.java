package dev.selfheal.detect;

import dev.selfheal.model.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack frames of a trace that lie in the project's own files (JVM, Python and JavaScript
 * traces), top first; frames in the JDK, libraries and node_modules are left out.
 */
public final class ProjectFrames {
  private static final Pattern JVM =
      Pattern.compile(
          "^\\s*at (?:[\\w.-]+//)?([\\w$.]+)\\.([\\w$<>]+)\\(([\\w$]+\\.(?:java|kt|groovy|scala)):(\\d+)\\)");
  private static final Pattern PY_FILE =
      Pattern.compile("^\\s*File \"(.+?)\", line (\\d+)(?:, in (.+))?");
  private static final Pattern PY_LOC =
      Pattern.compile("^([\\w./-]+\\.py):(\\d+):(?: in (\\S+)|\\s|$)");
  private static final Pattern JS =
      Pattern.compile("^\\s*at (?:(.+?) \\()?(.+?\\.[cm]?[jt]sx?):(\\d+):\\d+\\)?$");
  private static final int MAX = 20;

  private ProjectFrames() {}

  public static List<StackFrame> of(String trace, PathResolver paths) {
    List<StackFrame> out = new ArrayList<>();
    if (trace == null) {
      return out;
    }
    for (String line : trace.split("\\R")) {
      StackFrame f = frame(line, paths);
      if (f != null && !out.contains(f)) {
        out.add(f);
        if (out.size() == MAX) {
          break;
        }
      }
    }
    return out;
  }

  static StackFrame frame(String line, PathResolver paths) {
    if (line.indexOf("at ") >= 0) {
      Matcher m = JVM.matcher(line);
      if (m.find()) {
        String file = paths.forClass(m.group(1), m.group(3));
        return file == null
            ? null
            : new StackFrame(file, Integer.parseInt(m.group(4)), m.group(1) + "." + m.group(2));
      }
      m = JS.matcher(line);
      if (m.find() && !m.group(2).contains("node_modules") && !m.group(2).startsWith("node:")) {
        String file = paths.resolve(m.group(2));
        return paths.isProjectFile(file)
            ? new StackFrame(file, Integer.parseInt(m.group(3)), m.group(1))
            : null;
      }
    }
    Matcher m = PY_FILE.matcher(line);
    if (!m.find()) {
      m = PY_LOC.matcher(line);
      if (!m.find()) {
        return null;
      }
    }
    String file = paths.resolve(m.group(1));
    if (!paths.isProjectFile(file) || file.contains("site-packages/")) {
      return null;
    }
    return new StackFrame(file, Integer.parseInt(m.group(2)), m.group(3));
  }
}
