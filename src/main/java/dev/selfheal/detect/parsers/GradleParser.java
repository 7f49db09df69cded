package dev.selfheal.detect.parsers;

import dev.selfheal.detect.Draft;
import dev.selfheal.detect.Findings;
import dev.selfheal.detect.JvmTrace;
import dev.selfheal.detect.LogParser;
import dev.selfheal.detect.ParseContext;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gradle's console: failed tests ({@code pkg.FooTest > bar() FAILED}, then the indented exception),
 * Kotlin compiler errors ({@code e: file:///p/A.kt:7:20 msg}), and, as a fallback, "What went
 * wrong: Execution failed for task". Java compile errors are javac's own format and are read by
 * {@link JavacParser}.
 */
public final class GradleParser implements LogParser {
  private static final Pattern TEST = Pattern.compile("^([\\w$.]+) > (.+?) FAILED$");
  private static final Pattern KOTLIN =
      Pattern.compile(
          "^e: (?:file://)?(.+?\\.kts?)(?::(\\d+):(\\d+)|: \\((\\d+), (\\d+)\\):) (.*)$");
  private static final Pattern TASK = Pattern.compile("^Execution failed for task '([^']+)'\\.$");

  private final List<Failure> out = new ArrayList<>();
  private final List<Failure> fallback = new ArrayList<>();
  private Draft current;
  private final StringBuilder trace = new StringBuilder();
  private boolean wentWrong;
  private String task;

  @Override
  public String tool() {
    return "gradle";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (current != null) {
      if (raw.startsWith("    ") || raw.startsWith("\t")) {
        trace
            .append(
                raw.strip().startsWith("at ") ? "\tat " + raw.strip().substring(3) : raw.strip())
            .append('\n');
        return;
      }
      flush(ctx);
    }
    if (raw.endsWith(" FAILED") && raw.indexOf(" > ") > 0) {
      Matcher m = TEST.matcher(raw);
      if (m.matches()) {
        String cls = m.group(1);
        String method = m.group(2).replaceAll("\\(\\)$", "");
        current = new Draft(FailureKind.TEST_FAILURE, tool(), ctx).test(cls + "#" + method);
        current.at(
            cls.contains(".")
                ? ctx.paths().forClass(cls, null)
                : ctx.paths().files().uniqueBySuffix(cls + ".java"),
            null,
            null);
      }
      return;
    }
    if (raw.startsWith("e: ")) {
      Matcher k = KOTLIN.matcher(raw);
      if (k.matches()) {
        String line = k.group(2) != null ? k.group(2) : k.group(4);
        String col = k.group(3) != null ? k.group(3) : k.group(5);
        Findings.add(
            out,
            new Draft(FailureKind.COMPILE_ERROR, "kotlinc", ctx)
                .at(ctx.paths().resolve(k.group(1)), Integer.valueOf(line), Integer.valueOf(col))
                .message(k.group(6).strip())
                .excerpt(raw)
                .build());
      }
      return;
    }
    if (raw.startsWith("* What went wrong:")) {
      wentWrong = true;
      return;
    }
    if (wentWrong) {
      Matcher t = TASK.matcher(raw.strip());
      if (t.matches()) {
        task = t.group(1);
      } else if (task != null && raw.startsWith("> ")) {
        String taskName = task;
        Findings.add(
            fallback,
            new Draft(FailureKind.BUILD_ERROR, tool(), ctx)
                .message("task " + taskName + " failed: " + raw.substring(2).strip())
                .details(d -> d.withSymbol(null, "task " + taskName))
                .excerpt(raw)
                .build());
        wentWrong = false;
        task = null;
      }
    }
  }

  private void flush(ParseContext ctx) {
    String text = trace.toString();
    // Gradle's short form: "java.lang.AssertionError at GreeterTest.java:9"
    Matcher shortForm =
        Pattern.compile("^([\\w$.]+) at ([\\w$]+\\.\\w+):(\\d+)$").matcher(text.strip());
    if (shortForm.matches()) {
      String type = shortForm.group(1);
      current.message(type).details(d -> d.withException(type));
      if (current.file() != null) {
        current.at(current.file(), Integer.valueOf(shortForm.group(3)), null);
      }
    } else {
      JvmTrace.fill(current, text, ctx);
    }
    Findings.add(out, current.build());
    current = null;
    trace.setLength(0);
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    if (current != null) {
      flush(ctx);
    }
    return out;
  }

  @Override
  public List<Failure> fallbacks(ParseContext ctx) {
    return fallback;
  }
}
