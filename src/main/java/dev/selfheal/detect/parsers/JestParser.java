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
import java.util.List;

/**
 * Jest's console: {@code FAIL src/a.test.js} names the file, {@code ● suite › test} each failed
 * test, and the block below it the message, Expected/Received and the frames. The test id is {@code
 * file::suite test}, as jest-junit's report names it too, so both fold together.
 */
public final class JestParser implements LogParser {
  private final List<Failure> out = new ArrayList<>();
  private String file;
  private Draft current;
  private final StringBuilder block = new StringBuilder();

  @Override
  public String tool() {
    return "jest";
  }

  @Override
  public void accept(String raw, ParseContext ctx) {
    if (raw.startsWith("FAIL ")) {
      flush(ctx);
      file = ctx.paths().resolve(raw.substring(5).strip().split("\\s+")[0]);
      return;
    }
    if (file == null) {
      return;
    }
    if (raw.indexOf('●') >= 0
        && raw.strip().startsWith("● ")
        && !raw.contains("● Test suite failed to run")) {
      String t = raw.strip();
      flush(ctx);
      String name = t.substring(2).replace(" › ", " ");
      current =
          new Draft(FailureKind.TEST_FAILURE, tool(), ctx)
              .test(file + "::" + name)
              .at(file, null, null);
      return;
    }
    if (current != null) {
      if (raw.startsWith("Test Suites:") || raw.startsWith("PASS ")) {
        flush(ctx);
      } else if (block.length() < 20_000) {
        block.append(raw).append('\n');
      }
    }
  }

  private void flush(ParseContext ctx) {
    if (current == null) {
      return;
    }
    String text = block.toString();
    String message =
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("test failed");
    current.message(message);
    text.lines()
        .map(String::strip)
        .filter(l -> l.startsWith("Expected") || l.startsWith("Received"))
        .forEach(current::excerpt);
    AssertionValues.Values v = AssertionValues.of(text);
    List<StackFrame> frames = ProjectFrames.of(text, ctx.paths());
    current.details(d -> d.withFrames(frames));
    if (v != null) {
      current.details(d -> d.withValues(v.expected(), v.actual()));
    }
    frames.stream()
        .filter(f -> f.file().equals(current.file()))
        .findFirst()
        .ifPresent(f -> current.at(f.file(), f.line(), null));
    Findings.add(out, current.build());
    current = null;
    block.setLength(0);
  }

  @Override
  public List<Failure> finish(ParseContext ctx) {
    flush(ctx);
    return out;
  }
}
