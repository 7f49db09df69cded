package dev.selfheal.detect;

import dev.selfheal.model.StackFrame;
import java.util.List;

/** Reads a JVM throwable as printed (type, message, then {@code at} frames) into a test failure. */
public final class JvmTrace {
  private JvmTrace() {}

  /**
   * Exception type, message, values and frames from a JVM trace whose first line is the throwable.
   */
  public static void fill(Draft d, String text, ParseContext ctx) {
    int at = text.indexOf("\n\tat ");
    if (at < 0) {
      at = text.indexOf("\n        at ");
    }
    String head = (at < 0 ? text : text.substring(0, at)).strip();
    String type = null;
    String message = head;
    int colon = head.indexOf(':');
    String first = head.lines().findFirst().orElse("");
    if (first.matches(
        "^[\\w$.]+(?:Error|Exception|Failure|Throwable|Error\\w*|Exception\\w*)(?::.*)?$")) {
      colon = first.indexOf(':');
      type = colon < 0 ? first : first.substring(0, colon);
      message = colon < 0 ? "" : head.substring(colon + 1).strip();
    }
    List<StackFrame> frames = ProjectFrames.of(text, ctx.paths());
    AssertionValues.Values v = AssertionValues.of(message);
    String exType = type;
    d.message(message.isEmpty() && type != null ? type : message);
    d.details(x -> x.withException(exType).withFrames(frames));
    if (v != null) {
      d.details(x -> x.withValues(v.expected(), v.actual()));
    }
    for (String l : head.lines().limit(12).toList()) {
      d.excerpt(l);
    }
    StackFrame own = ownFrame(frames, d.file());
    if (own != null) {
      d.at(own.file(), own.line(), null);
    } else if (d.file() == null && !frames.isEmpty()) {
      d.at(frames.get(0).file(), frames.get(0).line(), null);
    }
  }

  /** The frame in the test's own file: where the failing assertion is. */
  private static StackFrame ownFrame(List<StackFrame> frames, String testFile) {
    if (testFile == null) {
      return null;
    }
    for (StackFrame f : frames) {
      if (f.file().equals(testFile)) {
        return f;
      }
    }
    return null;
  }
}
