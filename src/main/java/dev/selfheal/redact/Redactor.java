package dev.selfheal.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor for everything that leaves the process. Secrets become stable placeholders
 * ({@code «REDACTED:github-token:1»}) that map back inside this process only; a newline is never
 * removed, so line numbers in redacted text still point where they did.
 */
public final class Redactor {
  private static final String OPEN = "«REDACTED:";

  private record Rule(String name, Pattern pattern, int group) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "private-key",
              Pattern.compile(
                  "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
              0),
          new Rule(
              "github-token",
              Pattern.compile(
                  "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b"),
              0),
          new Rule("aws-access-key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0),
          new Rule(
              "jwt",
              Pattern.compile(
                  "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\b"),
              0),
          new Rule(
              "api-key",
              Pattern.compile(
                  "\\b(?:sk-ant-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9_-]{20,}|xox[baprs]-[A-Za-z0-9-]{10,})\\b"),
              0),
          new Rule("url-credentials", Pattern.compile("(?<=://)[^/\\s:@]+:([^/\\s@]+)(?=@)"), 1),
          new Rule(
              "assignment",
              Pattern.compile(
                  "(?i)\\b[\\w.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[\\w.-]*"
                      + "[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;}{)]{6,})"),
              1));

  private final Map<String, String> secretToPlaceholder = new LinkedHashMap<>();
  private final Map<String, String> placeholderToSecret = new LinkedHashMap<>();
  private final List<String> environmentSecrets;

  /**
   * @param env the process environment; values of variables named like secrets are redacted too
   */
  public Redactor(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    env.forEach(
        (k, v) -> {
          String n = k.toUpperCase(Locale.ROOT);
          if (v != null
              && v.length() >= 6
              && (n.contains("KEY")
                  || n.contains("TOKEN")
                  || n.contains("SECRET")
                  || n.contains("PASSWORD"))) {
            values.add(v);
          }
        });
    values.sort(Comparator.comparingInt(String::length).reversed());
    this.environmentSecrets = values;
  }

  public static Redactor forProcess() {
    return new Redactor(System.getenv());
  }

  public synchronized String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    for (String secret : environmentSecrets) {
      if (s.contains(secret)) {
        s = s.replace(secret, placeholder("env", secret));
      }
    }
    for (Rule rule : RULES) {
      Matcher m = rule.pattern.matcher(s);
      StringBuilder out = null;
      int last = 0;
      List<int[]> done = placeholderSpans(s);
      while (m.find()) {
        String secret = m.group(rule.group);
        if (secret == null || overlaps(done, m.start(), m.end())) {
          continue; // never redact inside (or across) a placeholder already made
        }
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, last, m.start(rule.group)).append(placeholder(rule.name, secret));
        last = m.end(rule.group);
      }
      if (out != null) {
        s = out.append(s, last, s.length()).toString();
      }
    }
    return s;
  }

  private static List<int[]> placeholderSpans(String s) {
    List<int[]> spans = new ArrayList<>();
    for (int i = s.indexOf(OPEN); i >= 0; i = s.indexOf(OPEN, i + 1)) {
      int end = s.indexOf('»', i);
      spans.add(new int[] {i, end < 0 ? s.length() : end + 1});
    }
    return spans;
  }

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    for (int[] sp : spans) {
      if (start < sp[1] && end > sp[0]) {
        return true;
      }
    }
    return false;
  }

  /** True when the text carries a placeholder: such text must never be written back to a file. */
  public static boolean containsPlaceholder(String text) {
    return text != null && text.contains(OPEN);
  }

  /** The original text of placeholders this redactor made; others stay as they are. */
  public synchronized String restore(String text) {
    String s = text;
    for (Map.Entry<String, String> e : placeholderToSecret.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  private String placeholder(String kind, String secret) {
    return secretToPlaceholder.computeIfAbsent(
        secret,
        k -> {
          // A multi-line secret (a key block) keeps its line count, so later line numbers hold.
          long newlines = k.chars().filter(c -> c == '\n').count();
          String p =
              OPEN
                  + kind
                  + ":"
                  + (secretToPlaceholder.size() + 1)
                  + "»"
                  + "\n".repeat((int) newlines);
          placeholderToSecret.put(p, k);
          return p;
        });
  }
}
