package dev.selfheal.detect;

import dev.selfheal.model.Failure;
import java.util.List;

/**
 * Reads one tool's output, a line at a time, and says what failed. An instance parses one log; it
 * may keep state between lines (a compiler's symbol lines follow its error line). Each parser
 * rejects a line with a cheap check before any regular expression runs.
 */
public interface LogParser {
  /** A short name of the tool, e.g. {@code javac}; recorded in each failure's details. */
  String tool();

  void accept(String line, ParseContext ctx);

  /** What failed, once the log has ended. */
  List<Failure> finish(ParseContext ctx);

  /**
   * Failures worth reporting only when no parser found anything more specific, such as Maven's
   * "Failed to execute goal" line, which every specific failure is followed by.
   */
  default List<Failure> fallbacks(ParseContext ctx) {
    return List.of();
  }

  /**
   * Tests the log itself shows ran and how they ended, for runners that write no report file
   * ({@code node --test}'s TAP): the evidence a test really executed.
   */
  default List<TestOutcome> outcomes() {
    return List.of();
  }
}
