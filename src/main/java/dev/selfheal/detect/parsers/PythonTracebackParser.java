package dev.selfheal.detect.parsers;

import dev.selfheal.detect.Draft;
import dev.selfheal.detect.Findings;
import dev.selfheal.detect.LogParser;
import dev.selfheal.detect.ParseContext;
import dev.selfheal.detect.ProjectFrames;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python traceback outside pytest: at the innermost frame in the project's own files, with the
 * exception's type and message. Import and syntax errors are compile errors.
 */
public final class PythonTracebackParser implements LogParser {
  private static final Pattern EXCEPTION =
      Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning)): ?(.*)$");
  private static final Set<String> COMPILE =
      Set.of("SyntaxError", "IndentationError", "TabError", "ImportError", "ModuleNotFoundError");

  private final List<Failure> out = new ArrayList<>();
  private StringBuilder trace;

  @Override
  public String tool() {
    return "python";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (trace == null) {
      if (raw.startsWith("Traceback (most recent call last):")) {
        trace = new StringBuilder();
      }
      return;
    }
    if (raw.startsWith(" ") || raw.isEmpty()) {
      if (trace.length() < 50_000) {
        trace.append(raw).append('\n');
      }
      return;
    }
    Matcher m = EXCEPTION.matcher(raw);
    if (m.matches()) {
      String type = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
      List<StackFrame> frames = new ArrayList<>(ProjectFrames.of(trace.toString(), ctx.paths()));
      java.util.Collections.reverse(frames); // innermost first, like a JVM trace
      StackFrame innermost = frames.isEmpty() ? null : frames.get(0);
      Draft d =
          new Draft(
                  COMPILE.contains(type) ? FailureKind.COMPILE_ERROR : FailureKind.BUILD_ERROR,
                  tool(),
                  ctx)
              .message(raw.strip())
              .details(x -> x.withException(type).withFrames(frames))
              .excerpt(raw);
      if (innermost != null) {
        d.at(innermost.file(), innermost.line(), null);
      }
      Findings.add(out, d.build());
    }
    trace = raw.startsWith("Traceback (most recent call last):") ? new StringBuilder() : null;
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    return out;
  }
}
