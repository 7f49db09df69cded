package tally;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts words. */
public final class Tally {
  private Tally() {}

  public static Map<String, Integer> count(List<String> words) {
    Map<String, Integer> out = new TreeMap<>();
    for (String w : words) {
      out.merge(w.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
    }
    return out;
  }
}
