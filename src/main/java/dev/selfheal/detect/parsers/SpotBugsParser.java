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
 * SpotBugs bugs as spotbugs-maven-plugin's check prints them: {@code High: text [com.acme.A] At
 * A.java:[line 5] BUG_PATTERN}.
 */
public final class SpotBugsParser implements LogParser {
  private static final Pattern BUG =
      Pattern.compile(
          "^(High|Medium|Low|Scariest|Scary|Troubling|Of Concern): (.*) \\[([\\w$.]+)\\] (?:At|In|Field|Method) ([\\w$]+\\.java)(?::\\[lines? (\\d+)(?:-\\d+)?\\])? ([A-Z0-9_]+)$");

  private final List<Failure> out = new ArrayList<>();

  @Override
  public String tool() {
    return "spotbugs";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.indexOf(".java") < 0 || raw.indexOf("] ") < 0) {
      return;
    }
    Matcher m = BUG.matcher(MavenLine.body(raw));
    if (!m.matches()) {
      return;
    }
    String pattern = m.group(6);
    Findings.add(
        out,
        new Draft(FailureKind.LINT_VIOLATION, tool(), ctx)
            .at(
                ctx.paths().forClass(m.group(3), m.group(4)),
                m.group(5) == null ? null : Integer.valueOf(m.group(5)),
                null)
            .message(pattern + ": " + m.group(2).strip())
            .details(d -> d.withRule(pattern))
            .excerpt(MavenLine.body(raw))
            .build());
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    return out;
  }
}
