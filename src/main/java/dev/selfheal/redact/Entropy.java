package dev.selfheal.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets of no known shape: a long random token. Two places make a token suspect. After a word
 * that names a secret ({@code token}, {@code key}, {@code secret}, {@code auth}, ...), any token of
 * 16+ characters that is not plain words (hex included) is taken. Anywhere else, only one that
 * looks random: 24+ characters mixing upper case, lower case and digits, switching between them
 * often (an identifier like {@code parsesThe2ndHeaderLine} does not), with high Shannon entropy.
 */
final class Entropy {
  private Entropy() {}

  private static final Pattern KEY_LIKE =
      Pattern.compile(
          "(?i)(?:key|token|secret|passw|pwd|auth|credential|bearer|signature|session|cookie|salt)"
              + "[\\w.-]{0,30}[\"'\\]]?\\s{0,3}(?:[:=]|=>|\\s|:\\s*<)\\s{0,3}[\"'<\\[]?"
              + "([A-Za-z0-9+/_.=-]{16,})");

  static final List<String> TRIGGERS =
      List.of(
          "key",
          "token",
          "secret",
          "passw",
          "pwd",
          "auth",
          "credential",
          "bearer",
          "signature",
          "session",
          "cookie",
          "salt");

  /**
   * Spans {start, end} of tokens after a secret's name; {@code lower} is the text in lower case, as
   * long as the text.
   */
  static List<int[]> keyed(String text, String lower) {
    List<int[]> out = new ArrayList<>();
    Matcher m = KEY_LIKE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (String t : TRIGGERS) {
      for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
        m.region(i, text.length());
        if (m.lookingAt() && afterKeyword(m.group(1))) {
          out.add(new int[] {m.start(1), m.end(1)});
        }
      }
    }
    return out;
  }

  /** Spans {start, end} of random-looking tokens anywhere in {@code text}. */
  static List<int[]> random(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!tokenChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && tokenChar(text.charAt(i))) {
        i++;
      }
      if (i - start >= 24 && random(text, start, i) && !pathLike(text, start, i)) {
        out.add(new int[] {start, i});
      }
    }
    return out;
  }

  private static boolean tokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '_'
        || c == '-'
        || c == '=';
  }

  /**
   * A path ({@code maven2/net/sf/saxon/Saxon-HE/10}) is random as a whole only because of its
   * slashes: it counts when one of its parts is random by itself.
   */
  private static boolean pathLike(String s, int from, int to) {
    int slashes = 0;
    for (int i = from; i < to; i++) {
      slashes += s.charAt(i) == '/' ? 1 : 0;
    }
    if (slashes < 2) {
      return false;
    }
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '/') {
        if (i - start >= 16 && random(s, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** After a secret's name: anything but words, a dotted name or a path. */
  static boolean afterKeyword(String v) {
    String core = v.replaceAll("=+$", "");
    if (core.length() < 16 || core.contains("..")) {
      return false;
    }
    boolean digit = core.chars().anyMatch(Character::isDigit);
    boolean letter = core.chars().anyMatch(Character::isLetter);
    if (!digit || !letter) {
      return false;
    }
    if (core.matches("[a-z]+(?:[._/-][a-z]+)+")) {
      return false; // a dotted or slashed name
    }
    return shannon(core) >= 3.0;
  }

  /** A token of 24+ characters that looks random rather than like a name or a path. */
  static boolean random(String s, int from, int to) {
    int upper = 0;
    int lower = 0;
    int digit = 0;
    int changes = 0;
    int last = -1;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int cls;
      if (c >= 'A' && c <= 'Z') {
        upper++;
        cls = 0;
      } else if (c >= 'a' && c <= 'z') {
        lower++;
        cls = 1;
      } else if (c >= '0' && c <= '9') {
        digit++;
        cls = 2;
      } else {
        cls = 3;
      }
      if (last >= 0 && cls != last) {
        changes++;
      }
      last = cls;
    }
    int len = to - from;
    if (upper < 2 || lower < 2 || digit < 2) {
      return false;
    }
    if ((double) changes / len < 0.35) {
      return false;
    }
    return shannon(s.substring(from, to)) >= 4.0;
  }

  static double shannon(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    double n = s.length();
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    if (other > 0) {
      double p = other / n;
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }
}
