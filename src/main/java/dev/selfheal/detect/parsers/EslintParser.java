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
 * ESLint errors in its two plain formats: stylish (a file line, then {@code 1:7 error msg rule})
 * and unix ({@code /p/a.js:1:7: msg. [Error/rule]}). Warnings do not fail a build and are left out;
 * both formats give the same {@code rule: message}.
 */
public final class EslintParser implements LogParser {
  private static final Pattern STYLISH =
      Pattern.compile("^\\s+(\\d+):(\\d+)\\s+error\\s+(.+?)\\s{2,}(\\S+)$");
  private static final Pattern UNIX =
      Pattern.compile("^(.+?):(\\d+):(\\d+): (.*) \\[Error/(\\S+)\\]$");
  private static final Pattern FILE =
      Pattern.compile("^(?:/|[A-Za-z]:\\\\|\\./)?\\S+\\.(?:[cm]?[jt]sx?|vue|svelte)$");

  private final List<Failure> out = new ArrayList<>();
  private String file;

  @Override
  public String tool() {
    return "eslint";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.isEmpty()) {
      file = null;
      return;
    }
    if (raw.charAt(0) != ' ') {
      if (raw.endsWith("]") && raw.contains("[Error/")) {
        Matcher u = UNIX.matcher(raw);
        if (u.matches()) {
          add(
              ctx,
              ctx.paths().resolve(u.group(1)),
              u.group(2),
              u.group(3),
              u.group(5),
              u.group(4),
              raw);
        }
        return;
      }
      file =
          raw.indexOf(' ') < 0 && raw.lastIndexOf('.') > 0 && FILE.matcher(raw).matches()
              ? ctx.paths().resolve(raw)
              : null;
      return;
    }
    if (file != null && raw.indexOf(" error ") > 0) {
      Matcher s = STYLISH.matcher(raw);
      if (s.matches()) {
        add(ctx, file, s.group(1), s.group(2), s.group(4), s.group(3), raw);
      }
    }
  }

  private void add(
      ParseContext ctx, String f, String line, String col, String rule, String msg, String raw) {
    String m = msg.strip();
    if (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    Findings.add(
        out,
        new Draft(FailureKind.LINT_VIOLATION, tool(), ctx)
            .at(f, Integer.valueOf(line), Integer.valueOf(col))
            .message(rule + ": " + m)
            .details(d -> d.withRule(rule))
            .excerpt(raw.strip())
            .build());
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    return out;
  }
}
