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
 * PMD violations: maven-pmd-plugin's {@code PMD Failure: com.acme.A:8 Rule:X Priority:3 msg} (the
 * class resolved to its file) and PMD's own text format {@code path:8:\tRule:\tmsg}.
 */
public final class PmdParser implements LogParser {
  private static final Pattern MAVEN =
      Pattern.compile("PMD Failure: ([\\w$.]+):(\\d+) Rule:(\\w+) Priority:(\\d+) (.*)$");
  private static final Pattern TEXT = Pattern.compile("^(\\S+\\.java):(\\d+):\\t(\\w+):\\t(.*)$");

  private final List<Failure> out = new ArrayList<>();

  @Override
  public String tool() {
    return "pmd";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.indexOf("PMD Failure: ") >= 0) {
      Matcher m = MAVEN.matcher(raw);
      if (m.find()) {
        String file = ctx.paths().forClass(m.group(1), null);
        add(ctx, file, m.group(2), m.group(3), m.group(5), raw);
      }
      return;
    }
    if (raw.indexOf(":\t") > 0) {
      Matcher m = TEXT.matcher(raw);
      if (m.matches()) {
        add(ctx, ctx.paths().resolve(m.group(1)), m.group(2), m.group(3), m.group(4), raw);
      }
    }
  }

  private void add(
      ParseContext ctx, String file, String line, String rule, String msg, String raw) {
    Findings.add(
        out,
        new Draft(FailureKind.LINT_VIOLATION, tool(), ctx)
            .at(file, Integer.valueOf(line), null)
            .message(rule + ": " + msg.strip())
            .details(d -> d.withRule(rule))
            .excerpt(MavenLine.body(raw))
            .build());
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    return out;
  }
}
