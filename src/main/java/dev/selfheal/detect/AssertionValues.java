package dev.selfheal.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expected and actual values, when an assertion message states them; null when it does not. */
public final class AssertionValues {
  private static final List<Pattern> PATTERNS =
      List.of(
          // JUnit 5: expected: <X> but was: <Y>   JUnit 4: expected:<X> but was:<Y>
          Pattern.compile("expected: ?<(.*)> but was: ?<(.*)>", Pattern.DOTALL),
          // AssertJ isEqualTo: expected: X\n but was: Y
          Pattern.compile("(?m)^\\s*expected: (.*)\\R\\s*but was: (.*)$"),
          // Jest: Expected: X\n Received: Y
          Pattern.compile("(?m)^\\s*Expected: (.*)\\R\\s*Received: (.*)$"),
          // TestNG: expected [X] but found [Y]
          Pattern.compile("expected \\[(.*)\\] but found \\[(.*)\\]", Pattern.DOTALL));
  // pytest: assert <actual> == <expected> (by convention the computed value comes first)
  private static final Pattern PYTEST = Pattern.compile("(?m)^(?:E\\s+)?assert (.+?) == (.+)$");

  private AssertionValues() {}

  public record Values(String expected, String actual) {}

  public static Values of(String message) {
    if (message == null) {
      return null;
    }
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(message);
      if (m.find()) {
        return new Values(m.group(1).strip(), m.group(2).strip());
      }
    }
    Matcher m = PYTEST.matcher(message);
    if (m.find()) {
      return new Values(m.group(2).strip(), m.group(1).strip());
    }
    return null;
  }
}
