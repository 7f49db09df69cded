package dev.selfheal.detect.parsers;

import dev.selfheal.detect.AssertionValues;
import dev.selfheal.detect.Draft;
import dev.selfheal.detect.Findings;
import dev.selfheal.detect.LogParser;
import dev.selfheal.detect.ParseContext;
import dev.selfheal.detect.ProjectFrames;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.StackFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest: the short test summary ({@code FAILED tests/t.py::test_x - msg}, {@code ERROR
 * tests/t.py}) names what failed; the sections before it ({@code ____ test_x ____}) give the {@code
 * E} lines and the locations. A collection error is a compile error of the module.
 */
public final class PytestParser implements LogParser {
  private static final Pattern SUMMARY = Pattern.compile("^(FAILED|ERROR) (\\S+?)(?: - (.*))?$");
  private static final Pattern SECTION = Pattern.compile("^_{3,} (.+?) _{3,}$");
  private static final Pattern LOCATION =
      Pattern.compile("^([\\w./-]+\\.py):(\\d+):(?: (\\w+(?:\\.\\w+)*))?");

  private final Map<String, Section> sections = new LinkedHashMap<>();
  private final List<String[]> summary = new ArrayList<>();
  private Section section;
  private boolean inSummary;
  private boolean seenSession;

  private static final class Section {
    final List<String> eLines = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    String exception;
  }

  @Override
  public String tool() {
    return "pytest";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.startsWith("=====")) {
      // `pytest -q` prints no session header: its FAILURES/ERRORS and summary banners are as
      // much pytest's own.
      seenSession |=
          raw.contains("test session starts")
              || raw.contains("short test summary info")
              || raw.contains("= FAILURES =")
              || raw.contains("= ERRORS =");
      inSummary = raw.contains("short test summary info");
      section = null;
      return;
    }
    if (!seenSession) {
      return;
    }
    if (inSummary) {
      Matcher m = SUMMARY.matcher(raw);
      if (m.matches()) {
        summary.add(new String[] {m.group(1), m.group(2), m.group(3)});
      }
      return;
    }
    if (raw.startsWith("___")) {
      Matcher s = SECTION.matcher(raw);
      if (s.matches()) {
        section = new Section();
        sections.put(s.group(1).replaceFirst("^ERROR collecting ", ""), section);
        return;
      }
    }
    if (section != null) {
      if (raw.startsWith("E ")) {
        section.eLines.add(raw.substring(1).strip());
      }
      Matcher l = LOCATION.matcher(raw);
      if (l.find() && l.group(3) != null && !l.group(3).equals("in")) {
        section.exception = l.group(3);
      }
      if (section.text.length() < 20_000) {
        section.text.append(raw).append('\n');
      }
    }
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    List<Failure> out = new ArrayList<>();
    for (String[] s : summary) {
      String nodeId = s[1];
      int sep = nodeId.indexOf("::");
      String file = ctx.paths().resolve(sep < 0 ? nodeId : nodeId.substring(0, sep));
      boolean collection = s[0].equals("ERROR") && sep < 0;
      String key =
          collection ? nodeId : nodeId.substring(nodeId.lastIndexOf("::") + 2).replace("::", ".");
      Section sec =
          sections.getOrDefault(key, sections.get(nodeId.substring(sep + 2).replace("::", ".")));
      Draft d =
          new Draft(collection ? FailureKind.COMPILE_ERROR : FailureKind.TEST_FAILURE, tool(), ctx);
      d.at(file, null, null);
      if (!collection) {
        d.test(nodeId);
      }
      String message = s[2];
      if (sec != null) {
        if (!sec.eLines.isEmpty()) {
          message = message != null ? message : String.join("\n", sec.eLines);
          sec.eLines.forEach(d::excerpt);
        }
        List<StackFrame> frames = ProjectFrames.of(sec.text.toString(), ctx.paths());
        StackFrame own =
            frames.stream()
                .filter(f -> f.file().equals(file))
                .findFirst()
                .orElse(frames.isEmpty() ? null : frames.get(0));
        if (own != null) {
          d.at(file, own.file().equals(file) ? own.line() : null, null);
        }
        String ex = sec.exception != null ? sec.exception : exceptionOf(message);
        d.details(x -> x.withFrames(frames).withException(ex));
        AssertionValues.Values v = AssertionValues.of(String.join("\n", sec.eLines));
        if (v != null) {
          d.details(x -> x.withValues(v.expected(), v.actual()));
        }
      }
      d.message(
          message == null ? (collection ? "error collecting " + nodeId : "test failed") : message);
      Findings.add(out, d.build());
    }
    return out;
  }

  private static String exceptionOf(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = Pattern.compile("^(\\w+(?:Error|Exception|Exit|Interrupt)): ").matcher(message);
    return m.find() ? m.group(1) : message.startsWith("assert") ? "AssertionError" : null;
  }
}
