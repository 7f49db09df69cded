package dev.selfheal.detect.parsers;

import dev.selfheal.detect.Draft;
import dev.selfheal.detect.Findings;
import dev.selfheal.detect.LogParser;
import dev.selfheal.detect.ParseContext;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkstyle violations in both forms Maven prints: the audit line ({@code /p/A.java:3:8: Unused
 * import - x. [UnusedImports]}) and the plugin's summary ({@code src/.../A.java:[3,8] (imports)
 * UnusedImports: Unused import - x.}). Both become {@code Check: message}, so the two reports of
 * one violation fold into one.
 */
public final class CheckstyleParser implements LogParser {
  private static final Pattern AUDIT =
      Pattern.compile(
          "^(?:\\[(?:ERROR|WARN|WARNING|INFO)\\] )*(.+?):(\\d+)(?::(\\d+))?: (.*?) \\[(\\w+)\\]$");
  private static final Pattern SUMMARY =
      Pattern.compile("^(.+?):\\[(\\d+)(?:,(\\d+))?\\] \\((\\w+)\\) (\\w+): (.*)$");

  private final List<Failure> out = new ArrayList<>();

  @Override
  public String tool() {
    return "checkstyle";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.isEmpty() || raw.charAt(raw.length() - 1) != ']' && raw.indexOf(":[") < 0) {
      return;
    }
    if (raw.startsWith("[INFO]") || raw.startsWith("[DEBUG]")) {
      return;
    }
    String body = MavenLine.body(raw);
    Matcher m = SUMMARY.matcher(body);
    if (m.matches()) {
      add(ctx, m.group(1), m.group(2), m.group(3), m.group(5), m.group(6), body);
      return;
    }
    m = AUDIT.matcher(body);
    if (m.matches() && !m.group(1).contains(" ")) {
      add(ctx, m.group(1), m.group(2), m.group(3), m.group(5), m.group(4), body);
    }
  }

  private void add(
      ParseContext ctx,
      String path,
      String line,
      String col,
      String check,
      String msg,
      String body) {
    Findings.add(
        out,
        new Draft(FailureKind.LINT_VIOLATION, tool(), ctx)
            .at(
                ctx.paths().resolve(path),
                Integer.valueOf(line),
                col == null ? null : Integer.valueOf(col))
            .message(check + ": " + msg.strip())
            .details(d -> d.withRule(check))
            .excerpt(body)
            .build());
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    return out;
  }
}
