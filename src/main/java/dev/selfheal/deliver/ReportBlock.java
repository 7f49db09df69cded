package dev.selfheal.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable part of a PR body, in hidden HTML comments: the heal report (from which
 * {@code selfheal sync} rebuilds the history) and how many heals this PR has seen and when the last
 * was (so cooldowns and attempt limits survive ephemeral CI runners).
 */
public final class ReportBlock {
  private static final String OPEN = "<!-- selfheal:report";
  private static final Pattern REPORT =
      Pattern.compile(Pattern.quote(OPEN) + "\\s*\\n(.*?)\\n-->", Pattern.DOTALL);
  private static final Pattern ATTEMPTS =
      Pattern.compile("<!-- selfheal:attempts (\\d+) last=(\\S+) -->");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportBlock() {}

  /**
   * The report JSON as a hidden comment. JSON can only hold "-->" inside a string, where {@code >}
   * may be written {@code \u003e}: the comment cannot be closed early by a diff or a message.
   */
  public static String render(String reportJson, int attempts, Instant last) {
    return OPEN
        + "\n"
        + reportJson.replace("-->", "--\\u003e")
        + "\n-->\n<!-- selfheal:attempts "
        + attempts
        + " last="
        + last
        + " -->";
  }

  public static Optional<JsonNode> report(String body) {
    Matcher m = REPORT.matcher(body == null ? "" : body);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(m.group(1)));
    } catch (IOException e) {
      return Optional.empty(); // a person edited the block: treat it as absent
    }
  }

  /** The fingerprints a PR's report says it fixes (the failures it was opened for). */
  public static Set<String> fingerprints(String body) {
    Set<String> out = new LinkedHashSet<>();
    report(body)
        .ifPresent(
            r -> {
              r.path("fixes")
                  .forEach(f -> f.path("fingerprints").forEach(p -> out.add(p.asText())));
              r.path("failures").forEach(f -> out.add(f.path("fingerprint").asText()));
            });
    out.remove("");
    return out;
  }

  public record Attempts(int count, Instant last) {}

  /**
   * The attempts marker: the one right after the report block (the last in the body), never a
   * look-alike earlier in the text.
   */
  public static Optional<Attempts> attempts(String body) {
    String b = body == null ? "" : body;
    Matcher report = REPORT.matcher(b);
    int from = 0;
    while (report.find()) {
      from = report.end();
    }
    Matcher m = ATTEMPTS.matcher(b);
    String count = null;
    String last = null;
    for (boolean found = m.find(from); found; found = m.find()) {
      count = m.group(1);
      last = m.group(2);
    }
    if (count == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Attempts(Integer.parseInt(count), Instant.parse(last)));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
