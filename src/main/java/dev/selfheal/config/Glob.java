package dev.selfheal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A gitignore-style path pattern matched against canonical repo-relative paths ({@code a/b.txt}, no
 * {@code ./}, no {@code //}): nothing is normalised, so a guard and the file system never read a
 * path two ways. A pattern without a slash (but a trailing one) matches a name at any depth; a
 * slash at its start or middle anchors it at the root; {@code **}{@code /} matches zero or more
 * folders; {@code *} and {@code ?} stay within a name; {@code [abc]}, {@code [a-z]}, {@code [!a]}
 * match one character; {@code \} escapes the next; a leading {@code !} negates (see {@link
 * SelfhealConfig.Safety#isForbidden}). A pattern that matches a folder matches everything under it.
 * Matching is by segments with a table, linear in the pattern times the path: no pattern, however
 * many {@code **} it repeats, can make it backtrack.
 */
public final class Glob {
  private static final int MAX_PATTERN = 1_000;

  /** One pattern segment: {@code **}, or a name pattern of single-character tokens. */
  private record Segment(boolean anyFolders, List<Token> tokens) {}

  /** One character of a name pattern. */
  private sealed interface Token {
    record Literal(char c) implements Token {}

    record AnyOne() implements Token {}

    record AnyRun() implements Token {}

    record Range(String chars, boolean negated) implements Token {}
  }

  /** A pattern this class does not accept; the message says what and where. */
  public static final class Invalid extends IllegalArgumentException {
    public Invalid(String message) {
      super(message);
    }
  }

  private final String pattern;
  private final boolean negated;
  private final List<Segment> segments;

  private Glob(String pattern, boolean negated, List<Segment> segments) {
    this.pattern = pattern;
    this.negated = negated;
    this.segments = segments;
  }

  public static Glob of(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    String p = pattern.strip();
    if (p.isEmpty()) {
      throw new Invalid("empty glob");
    }
    if (p.length() > MAX_PATTERN) {
      throw new Invalid("a glob longer than " + MAX_PATTERN + " characters");
    }
    if (p.startsWith("#")) {
      throw new Invalid(
          "\"" + p + "\" starts with # (a comment in .gitignore); write \\# for a literal #");
    }
    boolean negated = p.startsWith("!");
    if (negated) {
      p = p.substring(1);
      if (p.isEmpty()) {
        throw new Invalid("\"!\" negates nothing");
      }
    }
    boolean anchored = p.startsWith("/");
    if (anchored) {
      p = p.substring(1);
    }
    boolean folder = p.endsWith("/") && !p.endsWith("\\/");
    if (folder) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.contains("//")) {
      throw new Invalid("\"" + pattern + "\" has an empty folder name (// or only slashes)");
    }
    // As in gitignore, a slash anywhere but at the end anchors the pattern at the root.
    List<String> parts = List.of(p.split("/", -1));
    List<Segment> segs = new ArrayList<>();
    if (!anchored && parts.size() == 1) {
      segs.add(new Segment(true, List.of()));
    }
    for (String part : parts) {
      if (part.equals("**")) {
        if (segs.isEmpty() || !segs.get(segs.size() - 1).anyFolders()) {
          segs.add(new Segment(true, List.of())); // repeated **/ is one
        }
      } else {
        segs.add(new Segment(false, tokens(part, pattern)));
      }
    }
    if (folder) {
      segs.add(new Segment(true, List.of()));
    }
    return new Glob(pattern, negated, List.copyOf(segs));
  }

  public String pattern() {
    return pattern;
  }

  /** A {@code !pattern}: re-includes what an earlier pattern of the same list matched. */
  public boolean negated() {
    return negated;
  }

  /**
   * True when the path, or any folder that contains it, matches (whether or not the pattern is
   * negated: that is for the list to decide). Paths are taken as given: a non-canonical path is
   * matched as written, so callers refuse those first.
   */
  public boolean matches(String relativePath) {
    if (relativePath == null || relativePath.isEmpty()) {
      return false;
    }
    String[] path = relativePath.split("/", -1);
    int n = segments.size();
    int m = path.length;
    // can[i][j]: pattern segments i.. match path segments j.. as a prefix of the path (a folder
    // that matches covers everything under it), filled from the end.
    boolean[][] can = new boolean[n + 1][m + 1];
    for (int j = 1; j <= m; j++) {
      can[n][j] = true; // the pattern is used up after a non-empty prefix
    }
    for (int i = n - 1; i >= 0; i--) {
      Segment s = segments.get(i);
      for (int j = m; j >= 0; j--) {
        if (s.anyFolders()) {
          // zero folders, or one more folder and stay on **
          can[i][j] = can[i + 1][j] || (j < m && can[i][j + 1]);
        } else {
          can[i][j] = j < m && name(s.tokens(), path[j]) && can[i + 1][j + 1];
        }
      }
    }
    return can[0][0];
  }

  /** One name against a name pattern: the usual greedy wildcard walk, no backtracking blow-up. */
  private static boolean name(List<Token> p, String s) {
    int pi = 0;
    int si = 0;
    int star = -1;
    int mark = 0;
    while (si < s.length()) {
      if (pi < p.size() && !(p.get(pi) instanceof Token.AnyRun) && one(p.get(pi), s.charAt(si))) {
        pi++;
        si++;
      } else if (pi < p.size() && p.get(pi) instanceof Token.AnyRun) {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.size() && p.get(pi) instanceof Token.AnyRun) {
      pi++;
    }
    return pi == p.size();
  }

  private static boolean one(Token t, char c) {
    if (t instanceof Token.Literal l) {
      return l.c() == c;
    }
    if (t instanceof Token.Range r) {
      return (r.chars().indexOf(c) >= 0) != r.negated();
    }
    return t instanceof Token.AnyOne;
  }

  private static List<Token> tokens(String part, String pattern) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 >= part.length()) {
            throw new Invalid("\"" + pattern + "\" ends with a lone backslash");
          }
          out.add(new Token.Literal(part.charAt(++i)));
        }
        case '*' -> {
          if (out.isEmpty() || !(out.get(out.size() - 1) instanceof Token.AnyRun)) {
            out.add(new Token.AnyRun()); // ** inside a name is a plain *
          }
        }
        case '?' -> out.add(new Token.AnyOne());
        case '[' -> i = range(part, i, pattern, out);
        default -> out.add(new Token.Literal(c));
      }
    }
    return out;
  }

  /** A bracket expression from {@code part[at]}; returns the index of its closing bracket. */
  private static int range(String part, int at, String pattern, List<Token> out) {
    int i = at + 1;
    boolean negated = i < part.length() && (part.charAt(i) == '!' || part.charAt(i) == '^');
    if (negated) {
      i++;
    }
    StringBuilder chars = new StringBuilder();
    boolean first = true;
    while (i < part.length() && (part.charAt(i) != ']' || first)) {
      char c = part.charAt(i);
      if (c == '[' && i + 1 < part.length() && part.charAt(i + 1) == ':') {
        throw new Invalid(
            "\""
                + pattern
                + "\": character classes like [:alpha:] are not supported; list the characters"
                + " ([a-zA-Z])");
      }
      if (c == '\\' && i + 1 < part.length()) {
        c = part.charAt(++i);
      }
      if (i + 2 < part.length() && part.charAt(i + 1) == '-' && part.charAt(i + 2) != ']') {
        char to = part.charAt(i + 2);
        if (to < c) {
          throw new Invalid("\"" + pattern + "\": the range " + c + "-" + to + " is backwards");
        }
        for (char x = c; x <= to && chars.length() < 65_536; x++) {
          chars.append(x);
        }
        i += 3;
      } else {
        chars.append(c);
        i++;
      }
      first = false;
    }
    if (i >= part.length()) {
      throw new Invalid("\"" + pattern + "\" has a [ without its closing ]");
    }
    out.add(new Token.Range(chars.toString(), negated));
    return i;
  }

  @Override
  public String toString() {
    return pattern;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Glob g && g.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }
}
