package dev.selfheal.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a parser read beyond the headline: the compiler's symbol and location, the assertion's
 * expected and actual values, the exception type, the project's own stack frames, the tool, and the
 * CI step the failure was printed in. Every field may be null or empty.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FailureDetails(
    String tool,
    String symbol,
    String location,
    String expected,
    String actual,
    String exceptionType,
    String rule,
    List<StackFrame> frames,
    String step) {

  public static final FailureDetails NONE =
      new FailureDetails(null, null, null, null, null, null, null, List.of(), null);

  public FailureDetails {
    frames = frames == null ? List.of() : List.copyOf(frames);
  }

  public static FailureDetails tool(String tool) {
    return NONE.withTool(tool);
  }

  public FailureDetails withTool(String t) {
    return new FailureDetails(
        t, symbol, location, expected, actual, exceptionType, rule, frames, step);
  }

  public FailureDetails withSymbol(String s, String loc) {
    return new FailureDetails(tool, s, loc, expected, actual, exceptionType, rule, frames, step);
  }

  public FailureDetails withValues(String exp, String act) {
    return new FailureDetails(tool, symbol, location, exp, act, exceptionType, rule, frames, step);
  }

  public FailureDetails withException(String type) {
    return new FailureDetails(tool, symbol, location, expected, actual, type, rule, frames, step);
  }

  public FailureDetails withRule(String r) {
    return new FailureDetails(
        tool, symbol, location, expected, actual, exceptionType, r, frames, step);
  }

  public FailureDetails withFrames(List<StackFrame> f) {
    return new FailureDetails(
        tool, symbol, location, expected, actual, exceptionType, rule, f, step);
  }

  public FailureDetails withStep(String s) {
    return new FailureDetails(
        tool, symbol, location, expected, actual, exceptionType, rule, frames, s);
  }

  /** How much this record knows; used to keep the richer of two reports of one failure. */
  public int richness() {
    int n = frames.size();
    for (Object o : new Object[] {symbol, location, expected, actual, exceptionType, rule}) {
      if (o != null) {
        n++;
      }
    }
    return n;
  }
}
