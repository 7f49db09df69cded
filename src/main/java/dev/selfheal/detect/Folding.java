package dev.selfheal.detect;

import dev.selfheal.model.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry per failure however many times it was reported: Maven prints each compile error twice,
 * a test failure is in the console and in the XML report, Checkstyle prints an audit line and a
 * summary line. Of two reports the richer one is kept.
 */
public final class Folding {
  private Folding() {}

  public static List<Failure> fold(List<Failure> failures) {
    Map<String, Failure> byKey = new LinkedHashMap<>();
    for (Failure f : failures) {
      byKey.merge(key(f), f, Folding::richer);
    }
    return new ArrayList<>(byKey.values());
  }

  static String key(Failure f) {
    if (f.test() != null) {
      return "test\u0000" + f.test();
    }
    String headline = f.message().lines().findFirst().orElse("");
    int colon = headline.indexOf(": ");
    // "cannot find symbol" and "cannot find symbol: class List" are one error at one place.
    String head =
        f.details().symbol() != null && colon > 0 ? headline.substring(0, colon) : headline;
    return f.kind()
        + "\u0000"
        + f.file()
        + "\u0000"
        + f.line()
        + "\u0000"
        + f.column()
        + "\u0000"
        + head;
  }

  private static Failure richer(Failure a, Failure b) {
    int ra = a.details().richness() + (a.line() != null ? 1 : 0) + (a.file() != null ? 1 : 0);
    int rb = b.details().richness() + (b.line() != null ? 1 : 0) + (b.file() != null ? 1 : 0);
    return rb > ra ? b : a;
  }
}
