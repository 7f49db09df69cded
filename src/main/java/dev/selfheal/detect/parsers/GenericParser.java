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
 * The last resort: {@code file:line[:col]: error: message}, as gcc, clang, go vet, rustc's short
 * form and many linters print it. Used only when no tool-specific parser found anything.
 */
public final class GenericParser implements LogParser {
  private static final Pattern LINE =
      Pattern.compile(
          "^(?:\\[ERROR\\] )?([\\w./\\\\-]+\\.[A-Za-z]\\w*):(\\d+)(?::(\\d+))?:? (?:fatal )?(?:error|ERROR)(?:\\[\\w+\\])?:? (.*)$");

  private final List<Failure> out = new ArrayList<>();

  @Override
  public String tool() {
    return "generic";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.indexOf("rror") < 0 || raw.indexOf(':') < 0) {
      return;
    }
    Matcher m = LINE.matcher(raw);
    if (m.matches()) {
      Findings.add(
          out,
          new Draft(FailureKind.BUILD_ERROR, tool(), ctx)
              .at(
                  ctx.paths().resolve(m.group(1)),
                  Integer.valueOf(m.group(2)),
                  m.group(3) == null ? null : Integer.valueOf(m.group(3)))
              .message(m.group(4).strip())
              .excerpt(raw)
              .build());
    }
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    return List.of();
  }

  @Override
  public List<Failure> fallbacks(ParseContext ctx) {
    return out;
  }
}
