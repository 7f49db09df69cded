package dev.selfheal.redact;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The one redactor for everything that leaves the process. Secrets become stable placeholders
 * ({@code «REDACTED:github-token:1»}) that map back inside this process only; a newline is never
 * removed, so line numbers in redacted text still point where they did.
 */
public final class Redactor {
  private static final String OPEN = "«REDACTED:";

  private final Map<String, String> secretToPlaceholder = new LinkedHashMap<>();
  private final Map<String, String> placeholderToSecret = new LinkedHashMap<>();
  private final List<String> environmentSecrets;
  private final Triggers lineFilter;
  private final boolean asciiSecrets;

  /**
   * False when no rule can match in these bytes (UTF-8 text): a stream redactor copies such a line
   * as it is, without decoding it. A quick pass; true means only "look closer".
   */
  public boolean worthALook(byte[] bytes, int from, int to) {
    if (!asciiSecrets) {
      return true;
    }
    return lineFilter.worthALook(bytes, from, to);
  }

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
    List<String> words = new ArrayList<>(WORDS);
    words.addAll(Entropy.TRIGGERS);
    words.addAll(values);
    this.asciiSecrets = values.stream().allMatch(v -> v.chars().allMatch(c -> c < 128));
    boolean[] exact = new boolean[words.size()];
    for (int r = 0; r < RULES; r++) {
      for (int w : WORDS_OF_RULE[r]) {
        exact[w] = !SecretRules.ALL.get(r).anyCase();
      }
    }
    this.lineFilter = new Triggers(words, words.size(), exact);
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
    // One pass finds which rules' literals occur; most lines of a log run no pattern at all.
    BitSet hit = TRIGGERS.scan(s);
    String lower = null;
    for (int r = hit.isEmpty() ? RULES : 0; r < RULES; r++) {
      SecretRules.Rule rule = SecretRules.ALL.get(r);
      if (!triggered(r, hit, s)) {
        continue;
      }
      if (lower == null) {
        lower = s.toLowerCase(Locale.ROOT);
      }
      List<int[]> found = matches(rule, s, lower);
      StringBuilder out = null;
      int last = 0;
      List<int[]> done = placeholderSpans(s);
      for (int[] f : found) {
        // f: {match start, match end, secret start, secret end}
        if (f[2] < last || overlaps(done, f[0], f[1]) || codeLike(rule, s, f[2], f[3])) {
          continue; // never redact inside (or across) a placeholder already made
        }
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, last, f[2]).append(placeholder(rule.name(), s.substring(f[2], f[3])));
        last = f[3];
      }
      if (out != null) {
        s = out.append(s, last, s.length()).toString();
        lower = s.toLowerCase(Locale.ROOT);
      }
    }
    List<int[]> random = Entropy.random(s);
    if (hit.get(ENTROPY_WORD) && s.length() == s.toLowerCase(Locale.ROOT).length()) {
      random.addAll(Entropy.keyed(s, s.toLowerCase(Locale.ROOT)));
    }
    if (!random.isEmpty()) {
      random.sort((a, b) -> Integer.compare(a[0], b[0]));
      List<int[]> done = placeholderSpans(s);
      StringBuilder out = new StringBuilder(s.length());
      int last = 0;
      for (int[] r : random) {
        if (r[0] < last || overlaps(done, r[0], r[1])) {
          continue;
        }
        out.append(s, last, r[0]).append(placeholder("high-entropy", s.substring(r[0], r[1])));
        last = r[1];
      }
      s = out.append(s, last, s.length()).toString();
    }
    return s;
  }

  /** Every rule's literals, then the entropy rule's keywords (as one marker word each). */
  private static final List<String> WORDS = new ArrayList<>();

  private static final int[][] WORDS_OF_RULE = new int[SecretRules.ALL.size()][];
  private static final int ENTROPY_WORD;
  private static final int RULES = SecretRules.ALL.size();
  private static final Triggers TRIGGERS;

  static {
    for (int r = 0; r < SecretRules.ALL.size(); r++) {
      List<String> t = SecretRules.ALL.get(r).triggers();
      WORDS_OF_RULE[r] = new int[t.size()];
      for (int i = 0; i < t.size(); i++) {
        WORDS_OF_RULE[r][i] = WORDS.size();
        WORDS.add(t.get(i));
      }
    }
    ENTROPY_WORD = WORDS.size();
    List<String> all = new ArrayList<>(WORDS);
    // Each entropy keyword maps to the same marker index: found when any occurs.
    for (String w : Entropy.TRIGGERS) {
      all.add(w);
    }
    TRIGGERS = new Triggers(all, ENTROPY_WORD);
  }

  /** A case-insensitive hit of a case-sensitive literal is checked again as written. */
  private static boolean triggered(int rule, BitSet hit, String s) {
    SecretRules.Rule r = SecretRules.ALL.get(rule);
    for (int i = 0; i < WORDS_OF_RULE[rule].length; i++) {
      if (hit.get(WORDS_OF_RULE[rule][i]) && (r.anyCase() || s.contains(r.triggers().get(i)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a rule matches, in order: a plain rule anywhere; an anchored one only from each place one
   * of its triggers starts (linear in the text, however many keywords it names).
   */
  private static List<int[]> matches(SecretRules.Rule rule, String s, String lower) {
    List<int[]> out = new ArrayList<>();
    Matcher m = rule.pattern().matcher(s);
    if (!rule.anchored() || lower.length() != s.length()) {
      while (m.find()) {
        if (m.group(rule.group()) != null) {
          out.add(new int[] {m.start(), m.end(), m.start(rule.group()), m.end(rule.group())});
        }
      }
      return out;
    }
    m.useTransparentBounds(true).useAnchoringBounds(false);
    String hay = rule.anyCase() ? lower : s;
    java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
    for (String t : rule.triggers()) {
      for (int i = hay.indexOf(t); i >= 0; i = hay.indexOf(t, i + 1)) {
        starts.add(i);
      }
    }
    int end = -1;
    for (int at : starts) {
      if (at < end) {
        continue;
      }
      m.region(at, s.length());
      if (m.lookingAt() && m.group(rule.group()) != null) {
        out.add(new int[] {m.start(), m.end(), m.start(rule.group()), m.end(rule.group())});
        end = m.end();
      }
    }
    return out;
  }

  /**
   * An assignment whose "value" is code, not a secret: a call ({@code token = parse(s)}), a
   * reference ({@code $VAR}, {@code %(x)s}), a field read ({@code this.secret}).
   */
  private static boolean codeLike(SecretRules.Rule rule, String s, int start, int end) {
    if (!rule.name().endsWith("assignment")) {
      return false;
    }
    int i = end;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '(') {
      return true;
    }
    String v = s.substring(start, end);
    if (v.startsWith("$")
        || v.startsWith("%")
        || v.startsWith("this.")
        || v.startsWith("self.")
        || v.startsWith("«REDACTED:")) {
      return true;
    }
    // Code style: `name = value;` with the separator spaced, and the value a name or a number
    // (a field, a constant, a variable), not quoted. Config writes `name=value` or `name: value`.
    int q = start - 1;
    while (q >= 0 && (s.charAt(q) == ' ' || s.charAt(q) == '"' || s.charAt(q) == '\'')) {
      q--;
    }
    boolean quoted = start > 0 && (s.charAt(start - 1) == '"' || s.charAt(start - 1) == '\'');
    boolean spaced = q > 0 && (s.charAt(q) == '=' || s.charAt(q) == ':') && s.charAt(q - 1) == ' ';
    boolean ends = i >= s.length() || ";),?:".indexOf(s.charAt(i)) >= 0;
    return spaced && !quoted && ends && v.matches("[A-Za-z_][\\w.]*|[0-9][0-9_.]*[LlDdFf]?");
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
