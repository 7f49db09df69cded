package dev.selfheal.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a change to an assertion's code from a change to what it asserts. Following a rename,
 * swapping reordered arguments or dropping a removed argument leaves every literal the assertion
 * compares against as it was, and takes away nothing but names and commas; anything else (a new
 * expected value, an actual replaced by the expected) changes what the test checks.
 */
final class AssertionEdits {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[A-Za-z_$][\\w$]*|\\d[\\w.]*|\\S");

  private AssertionEdits() {}

  /**
   * The removed lines left once each is paired with an added line that only changes its code. With
   * {@code argumentOrder}, a call's arguments may also trade places with their literals (a recipe
   * following a reordered signature: {@code withdraw(Money.of("1"), "x")} → {@code withdraw("x",
   * Money.of("1"))}); the assertion's own arguments never may.
   */
  static List<String> unexplained(List<String> removed, List<String> added, boolean argumentOrder) {
    List<String> pool = new ArrayList<>(added);
    List<String> out = new ArrayList<>();
    for (String r : removed) {
      int match = -1;
      for (int i = 0; i < pool.size() && match < 0; i++) {
        if (benign(r, pool.get(i), argumentOrder)) {
          match = i;
        }
      }
      if (match >= 0) {
        pool.remove(match);
      } else {
        out.add(r);
      }
    }
    return out;
  }

  static boolean benign(String before, String after, boolean argumentOrder) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    if (a.isEmpty() || b.isEmpty() || !a.get(0).equals(b.get(0))) {
      return false; // another assertion method
    }
    if (argumentOrder) {
      a = CallArguments.sorted(a);
      b = CallArguments.sorted(b);
    }
    if (!literals(a).equals(literals(b))) {
      return false;
    }
    Map<String, Integer> removed = new HashMap<>();
    a.forEach(t -> removed.merge(t, 1, Integer::sum));
    int renamedIn = 0;
    for (String t : b) {
      if (removed.getOrDefault(t, 0) > 0) {
        removed.merge(t, -1, Integer::sum);
      } else if (isIdentifier(t) && !a.contains(t)) {
        renamedIn++; // a fresh name: a rename (never a copy of a name the line already has)
      } else {
        return false; // new punctuation or literal: a different expression
      }
    }
    int identifiersOut = 0;
    for (Map.Entry<String, Integer> e : removed.entrySet()) {
      if (e.getValue() <= 0) {
        continue;
      }
      if (isIdentifier(e.getKey())) {
        identifiersOut += e.getValue();
      } else if (!e.getKey().equals(",")) {
        return false; // a call, a dot or a bracket went away: the expression lost a part
      }
    }
    return renamedIn <= identifiersOut;
  }

  private static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(line.strip());
    while (m.find()) {
      out.add(m.group());
    }
    // The assertion's own name leads (after a receiver like Assertions. or assertThat's chain).
    while (!out.isEmpty() && !out.get(0).toLowerCase(java.util.Locale.ROOT).contains("assert")) {
      out.remove(0);
    }
    return out;
  }

  private static List<String> literals(List<String> tokens) {
    return tokens.stream()
        .filter(
            t ->
                t.startsWith("\"")
                    || t.startsWith("'")
                    || Character.isDigit(t.charAt(0))
                    || t.equals("true")
                    || t.equals("false")
                    || t.equals("null"))
        .toList();
  }

  private static boolean isIdentifier(String t) {
    return Character.isJavaIdentifierStart(t.charAt(0))
        && !t.equals("true")
        && !t.equals("false")
        && !t.equals("null");
  }
}
