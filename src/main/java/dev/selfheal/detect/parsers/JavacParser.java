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
 * javac errors, as maven-compiler-plugin prints them ({@code [ERROR] /p/A.java:[12,5] msg}) and as
 * javac itself does, also under Gradle ({@code p/A.java:12: error: msg}, then the source line and a
 * caret that gives the column). The detail lines that follow (symbol, location, required, found,
 * reason) are folded into the failure.
 */
public final class JavacParser implements LogParser {
  private static final Pattern MAVEN =
      Pattern.compile("^(.+?\\.java):\\[(\\d+)(?:,(\\d+))?\\] (?:error: )?(.*)$");
  private static final Pattern PLAIN = Pattern.compile("^(.+?\\.java):(\\d+): error: (.*)$");
  // Checkstyle's Maven summary shares the bracket form; it is told apart by "(group) Check:".
  private static final Pattern CHECKSTYLE_TAIL = Pattern.compile("^\\(\\w+\\) \\w+: .*");
  private static final Pattern DETAIL =
      Pattern.compile("^\\s+(symbol|location|required|found|reason)\\s*:\\s*(.*)$");

  private final List<Failure> out = new ArrayList<>();
  private Draft current;
  private String symbol;
  private String location;
  private final List<String> extra = new ArrayList<>();
  private boolean plain;
  private boolean awaitingCaret;

  @Override
  public String tool() {
    return "javac";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (current != null && continueCurrent(raw)) {
      return;
    }
    if (raw.indexOf(".java:") < 0) {
      return;
    }
    String body = MavenLine.body(raw);
    boolean mavenLevel = body != raw;
    if (mavenLevel && !MavenLine.isError(raw)) {
      return; // warnings do not fail a build
    }
    Matcher m = MAVEN.matcher(body);
    if (m.matches() && !CHECKSTYLE_TAIL.matcher(m.group(4)).matches()) {
      start(ctx, m.group(1), m.group(2), m.group(3), m.group(4), false);
      return;
    }
    m = PLAIN.matcher(body);
    if (m.matches()) {
      start(ctx, m.group(1), m.group(2), null, m.group(3), true);
    }
  }

  private void start(
      ParseContext ctx, String path, String line, String col, String message, boolean plainForm) {
    flush();
    if (Findings.full(out)) {
      return;
    }
    current =
        new Draft(FailureKind.COMPILE_ERROR, tool(), ctx)
            .at(
                ctx.paths().resolve(path),
                Integer.valueOf(line),
                col == null ? null : Integer.valueOf(col))
            .message(message.strip());
    current.excerpt(message.strip());
    plain = plainForm;
    awaitingCaret = plainForm;
  }

  /** True when the line belonged to the failure being read. */
  private boolean continueCurrent(String raw) {
    String body = MavenLine.body(raw);
    Matcher d = DETAIL.matcher(body);
    if (d.matches()) {
      String key = d.group(1);
      String value = d.group(2).strip();
      if (key.equals("symbol")) {
        symbol = value;
      } else if (key.equals("location")) {
        location = value;
      } else {
        extra.add(key + ": " + value);
      }
      current.excerpt(body);
      return true;
    }
    if (plain && awaitingCaret) {
      String t = body.strip();
      if (t.equals("^")) {
        current.column(body.indexOf('^') + 1);
        awaitingCaret = false;
        return true;
      }
      if (!body.contains(": error:") && !body.matches("^\\d+ errors?$")) {
        current.excerpt(body);
        return true; // the quoted source line
      }
    }
    if (!body.isBlank()
        && Character.isWhitespace(body.charAt(0))
        && !body.strip().startsWith("at ")) {
      // A nested diagnostic: "invalid method reference" is followed by an indented
      // "cannot find symbol" whose symbol and location lines come after it.
      current.excerpt(body.strip());
      return true;
    }
    flush();
    return false;
  }

  private void flush() {
    if (current == null) {
      return;
    }
    if (symbol != null) {
      String sym = symbol;
      String loc = location;
      current.message(current.message() + ": " + sym);
      current.details(d -> d.withSymbol(sym, loc));
    } else if (!extra.isEmpty()) {
      String joined = String.join("; ", extra);
      current.details(d -> d.withSymbol(null, joined));
    }
    Findings.add(out, current.build());
    current = null;
    symbol = null;
    location = null;
    extra.clear();
    plain = false;
    awaitingCaret = false;
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    flush();
    return out;
  }
}
