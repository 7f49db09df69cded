package dev.selfheal.fix.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A change's size in tokens: how many it removes plus how many it adds. */
final class PatchSize {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z_$][\\w$]*|\\d+|\\S");

  private PatchSize() {}

  static int tokens(String before, String after) {
    List<String> a = split(before);
    List<String> b = split(after);
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    return a.size() + b.size() - 2 * lcs[0][0];
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
