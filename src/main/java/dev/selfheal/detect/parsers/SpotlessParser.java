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
 * Spotless's "The following files had format violations:" block (Maven and Gradle): one failure per
 * file, at the first line its diff changes, with the command that fixes it.
 */
public final class SpotlessParser implements LogParser {
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+\\d+(?:,\\d+)? @@");
  private static final Pattern FILE = Pattern.compile("^[\\w./\\\\-]+\\.\\w+$");

  private final List<Failure> out = new ArrayList<>();
  private boolean inBlock;
  private Draft current;
  private int hunkStart = -1;
  private int offset;
  private boolean lineFound;
  private String fixCommand = "spotless:apply";

  @Override
  public String tool() {
    return "spotless";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (!inBlock) {
      if (raw.indexOf("The following files had format violations") >= 0) {
        inBlock = true;
      }
      return;
    }
    String body = strip(raw);
    String t = body.strip();
    if (t.startsWith("Run '")
        || t.startsWith("Run `")
        || (!raw.startsWith("[ERROR]") && !raw.startsWith(" ") && !raw.startsWith(">"))) {
      if (t.startsWith("Run '")) {
        fixCommand = t.substring(5, t.indexOf('\'', 5) > 0 ? t.indexOf('\'', 5) : t.length());
      }
      flush();
      inBlock = false;
      return;
    }
    Matcher h = HUNK.matcher(t);
    if (h.find()) {
      hunkStart = Integer.parseInt(h.group(1));
      offset = 0;
      return;
    }
    int indent = body.length() - body.stripLeading().length();
    if (hunkStart < 0 || indent <= 6) {
      if (FILE.matcher(t).matches()) {
        flush();
        current =
            new Draft(FailureKind.LINT_VIOLATION, tool(), ctx)
                .at(ctx.paths().resolve(t), null, null)
                .details(d -> d.withRule("format"));
        hunkStart = -1;
        lineFound = false;
        return;
      }
    }
    if (current != null && hunkStart >= 0) {
      String diff = body.substring(Math.min(body.length(), indent));
      current.excerpt(t.replace('·', ' '));
      if (!lineFound && (diff.startsWith("-") || diff.startsWith("+"))) {
        current.at(current.file(), hunkStart + offset, null);
        lineFound = true;
      } else if (!diff.startsWith("+")) {
        offset++;
      }
    }
  }

  private static String strip(String raw) {
    String b = MavenLine.body(raw);
    return b.startsWith("> ") ? b.substring(2) : b;
  }

  private void flush() {
    if (current != null) {
      current.message(
          "file is not formatted as the build's formatter requires (run " + fixCommand + ")");
      Findings.add(out, current.build());
      current = null;
    }
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    flush();
    return out;
  }
}
