package dev.selfheal.detect.parsers;

import dev.selfheal.detect.AssertionValues;
import dev.selfheal.detect.Draft;
import dev.selfheal.detect.Findings;
import dev.selfheal.detect.LogParser;
import dev.selfheal.detect.ParseContext;
import dev.selfheal.detect.ProjectFrames;
import dev.selfheal.detect.TestOutcome;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.StackFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node's own test runner ({@code node --test}) in its TAP form, what it prints when its output is
 * not a terminal (CI, a log): {@code # Subtest: name} opens a test, indented four spaces per level
 * of {@code describe}, {@code not ok N - name} fails it, and the YAML block below says where
 * ({@code location}), what ({@code error}, {@code expected}, {@code actual}) and the stack. A suite
 * that failed because its tests did ({@code subtestsFailed}), and tests cancelled with it, are not
 * failures of their own. The test id is {@code file::suite test}, like Jest's.
 */
public final class NodeTestParser implements LogParser {
  private static final Pattern SUBTEST = Pattern.compile("^( *)# Subtest: (.*)$");
  private static final Pattern NOT_OK = Pattern.compile("^( *)not ok \\d+ - (.*?)(?: # .*)?$");
  private static final Pattern OK =
      Pattern.compile("^( *)ok \\d+ - (.*?)( # (?i:skip|todo)\\b.*)?$");
  private static final Pattern KEY = Pattern.compile("^([\\w-]+):(?: (.*))?$");
  private static final Pattern LOCATION = Pattern.compile("^(.+?):(\\d+):(\\d+)$");

  private final List<Failure> out = new ArrayList<>();
  private final List<TestOutcome> outcomes = new ArrayList<>();

  /** The test being read passed ({@code ok}), or was skipped: its block only says if a suite. */
  private boolean passing;

  private boolean skipped;
  private final TreeMap<Integer, String> names = new TreeMap<>();
  private boolean tap;
  private List<String> path;
  private int indent = -1;
  private boolean inBlock;
  private final Map<String, StringBuilder> fields = new LinkedHashMap<>();
  private String key;

  @Override
  public String tool() {
    return "node-test";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.equals("TAP version 13")) {
      tap = true;
      return;
    }
    if (!tap) {
      return;
    }
    if (path != null) {
      block(raw, ctx);
      return;
    }
    Matcher m = SUBTEST.matcher(raw);
    if (m.matches()) {
      int level = m.group(1).length();
      names.tailMap(level, true).clear();
      names.put(level, m.group(2));
      return;
    }
    m = NOT_OK.matcher(raw);
    if (m.matches()) {
      int level = m.group(1).length();
      path = new ArrayList<>(names.headMap(level).values());
      path.add(m.group(2));
      indent = level + 2;
      return;
    }
    m = OK.matcher(raw);
    if (m.matches()) {
      int level = m.group(1).length();
      path = new ArrayList<>(names.headMap(level).values());
      path.add(m.group(2));
      indent = level + 2;
      passing = true;
      skipped = m.group(3) != null;
    }
  }

  /** The YAML block under a {@code not ok} line, from {@code ---} to {@code ...}. */
  private void block(String raw, ParseContext ctx) {
    String pad = " ".repeat(indent);
    if (!inBlock) {
      if (raw.equals(pad + "---")) {
        inBlock = true;
      } else {
        // A result without details (TAP allows it; node writes one for a failure): still a
        // test, known by its name only, and this line is the next test's.
        if (passing) {
          outcome(skipped ? TestOutcome.Result.SKIPPED : TestOutcome.Result.PASSED);
        } else {
          Findings.add(out, failure(ctx));
          outcome(TestOutcome.Result.FAILED);
        }
        reset();
        accept(raw, ctx);
      }
      return;
    }
    if (raw.equals(pad + "...")) {
      flush(ctx);
      return;
    }
    if (raw.startsWith(pad) && raw.length() > indent && raw.charAt(indent) != ' ') {
      Matcher m = KEY.matcher(raw.substring(indent));
      if (m.matches()) {
        key = m.group(1);
        String v = m.group(2) == null ? "" : m.group(2);
        fields.put(key, new StringBuilder(v.equals("|-") || v.equals("|") ? "" : unquote(v)));
      }
      return;
    }
    if (key != null && fields.get(key).length() < 20_000) {
      StringBuilder b = fields.get(key);
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(raw.length() > indent + 2 ? raw.substring(indent + 2) : raw.strip());
    }
  }

  private void flush(ParseContext ctx) {
    boolean suite = field("type").equals("suite");
    if (passing) {
      if (!suite) {
        outcome(skipped ? TestOutcome.Result.SKIPPED : TestOutcome.Result.PASSED);
      }
      reset();
      return;
    }
    String type = field("failureType");
    if (!type.equals("subtestsFailed") && !type.equals("cancelledByParent")) {
      Findings.add(out, failure(ctx));
      if (!suite) {
        outcome(TestOutcome.Result.FAILED);
      }
    }
    reset();
  }

  /**
   * A test as an outcome, named by its suites and name ({@code suite test}); passing tests carry no
   * location in TAP, so a failure's {@code file::suite test} id matches it by that part.
   */
  private void outcome(TestOutcome.Result r) {
    if (outcomes.size() < 500_000) {
      outcomes.add(new TestOutcome(String.join(" ", path), r));
    }
  }

  @Override
  public List<TestOutcome> outcomes() {
    return outcomes;
  }

  private Failure failure(ParseContext ctx) {
    String file = null;
    Integer line = null;
    Matcher loc = LOCATION.matcher(field("location"));
    if (loc.matches()) {
      file = ctx.paths().resolve(loc.group(1));
      line = Integer.parseInt(loc.group(2));
    }
    String error = field("error");
    List<String> lines = error.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String name = field("name");
    String summary = String.join(" ", lines);
    if (summary.length() > 300) {
      summary = summary.substring(0, 300) + "…";
    }
    Draft d =
        new Draft(FailureKind.TEST_FAILURE, tool(), ctx)
            .test((file == null ? "" : file + "::") + String.join(" ", path))
            .message(
                name.isEmpty()
                    ? (summary.isEmpty() ? "failed (no details in the TAP output)" : summary)
                    : name + ": " + summary)
            .at(file, line, null);
    lines.forEach(d::excerpt);
    if (!name.isEmpty()) {
      d.details(x -> x.withException(name));
    }
    String expected = field("expected");
    String actual = field("actual");
    if (fields.containsKey("expected") && fields.containsKey("actual")) {
      d.details(x -> x.withValues(expected, actual));
    } else {
      AssertionValues.Values v = AssertionValues.of(error);
      if (v != null) {
        d.details(x -> x.withValues(v.expected(), v.actual()));
      }
    }
    StringBuilder trace = new StringBuilder();
    field("stack").lines().forEach(l -> trace.append("    at ").append(l.strip()).append('\n'));
    List<StackFrame> frames = ProjectFrames.of(trace.toString(), ctx.paths());
    d.details(x -> x.withFrames(frames));
    String testFile = file;
    frames.stream()
        .filter(f -> f.file().equals(testFile))
        .findFirst()
        .ifPresent(f -> d.at(f.file(), f.line(), null));
    return d.build();
  }

  private String field(String name) {
    StringBuilder b = fields.get(name);
    return b == null ? "" : b.toString();
  }

  private void reset() {
    passing = false;
    skipped = false;
    path = null;
    indent = -1;
    inBlock = false;
    fields.clear();
    key = null;
  }

  /** A YAML scalar as node writes it: bare, or in single quotes with {@code ''} for a quote. */
  private static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    return s;
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    if (path != null) {
      flush(ctx); // the log ended inside a failure (a cut-off log)
    }
    return out;
  }
}
