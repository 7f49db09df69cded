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
 * Surefire and Failsafe console output, for when the XML reports are not at hand (a CI log). Each
 * failed test has a header, then the exception and its trace up to a blank line: {@code
 * com.acme.FooTest.bar -- Time elapsed: 0.04 s <<< FAILURE!} (3.x) or {@code bar(com.acme.FooTest)
 * Time elapsed: 0.04 sec <<< ERROR!} (2.x). A blank line can sit inside an AssertJ message, so only
 * the next Maven-level line ends a block.
 */
public final class SurefireConsoleParser implements LogParser {
  private static final Pattern V3 =
      Pattern.compile(
          "^([\\w$.]+)\\.([^.\\s(]+(?:\\(.*?\\))?(?:\\[\\d+\\])?) -- Time elapsed: .*<<< (FAILURE|ERROR)!$");
  private static final Pattern V2 =
      Pattern.compile("^(\\S+?)\\(([\\w$.]+)\\)\\s+Time elapsed: .*<<< (FAILURE|ERROR)!$");

  private final List<Failure> out = new ArrayList<>();
  private Draft current;
  private final StringBuilder trace = new StringBuilder();
  private int traceLines;

  @Override
  public String tool() {
    return "surefire";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.indexOf("<<< ") >= 0) {
      String body = MavenLine.body(raw);
      Matcher m = V3.matcher(body);
      if (m.matches()) {
        begin(ctx, m.group(1), m.group(2));
        return;
      }
      m = V2.matcher(body);
      if (m.matches()) {
        begin(ctx, m.group(2), m.group(1));
        return;
      }
    }
    if (current != null) {
      if (raw.startsWith("[INFO]") || raw.startsWith("[ERROR]") || raw.startsWith("[WARNING]")) {
        flush(ctx);
      } else if (traceLines++ < 400) {
        trace.append(raw).append('\n');
      }
    }
  }

  private void begin(ParseContext ctx, String className, String method) {
    flush(ctx);
    if (Findings.full(out)) {
      return;
    }
    current = new Draft(FailureKind.TEST_FAILURE, tool(), ctx).test(className + "#" + method);
    current.at(ctx.paths().forClass(className, null), null, null);
  }

  private void flush(ParseContext ctx) {
    if (current == null) {
      return;
    }
    JvmTrace.fill(current, trace.toString(), ctx);
    Findings.add(out, current.build());
    current = null;
    trace.setLength(0);
    traceLines = 0;
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    flush(ctx);
    return out;
  }
}
