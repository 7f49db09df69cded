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
 * TypeScript's compiler: {@code src/a.ts(2,9): error TS2322: msg} and the pretty {@code
 * src/a.ts:2:9 - error TS2322: msg}.
 */
public final class TscParser implements LogParser {
  private static final Pattern PLAIN =
      Pattern.compile("^(.+?\\.[cm]?tsx?)\\((\\d+),(\\d+)\\): error (TS\\d+): (.*)$");
  private static final Pattern PRETTY =
      Pattern.compile("^(.+?\\.[cm]?tsx?):(\\d+):(\\d+) - error (TS\\d+): (.*)$");

  private final List<Failure> out = new ArrayList<>();

  @Override
  public String tool() {
    return "tsc";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.indexOf("error TS") < 0) {
      return;
    }
    Matcher m = PLAIN.matcher(raw);
    if (!m.matches()) {
      m = PRETTY.matcher(raw);
      if (!m.matches()) {
        return;
      }
    }
    String code = m.group(4);
    Findings.add(
        out,
        new Draft(FailureKind.COMPILE_ERROR, tool(), ctx)
            .at(
                ctx.paths().resolve(m.group(1)),
                Integer.valueOf(m.group(2)),
                Integer.valueOf(m.group(3)))
            .message(code + ": " + m.group(5).strip())
            .details(d -> d.withRule(code))
            .excerpt(raw)
            .build());
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    return out;
  }
}
