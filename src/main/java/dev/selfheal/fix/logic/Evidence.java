package dev.selfheal.fix.logic;

import dev.selfheal.localize.Localization;
import java.util.List;

/** The reasoning a reviewer reads: where the line ranked, what changed, which tests back it. */
final class Evidence {
  private Evidence() {}

  static String reasoning(
      Candidate c,
      List<String> covering,
      List<String> failingCovering,
      Localization loc,
      int survivors,
      boolean ambiguous,
      String tally) {
    var s = c.suspect();
    StringBuilder b = new StringBuilder();
    b.append("Fault localization ranked ")
        .append(s.file())
        .append(':')
        .append(s.line())
        .append(" #")
        .append(s.rank())
        .append(" of ")
        .append(loc.ranked().size())
        .append(" lines the failing test(s) ran (Ochiai ")
        .append(String.format(java.util.Locale.ROOT, "%.2f", s.ochiai()))
        .append(s.changed() ? "; the breaking change wrote it" : "")
        .append(s.inStack() ? "; a failure's stack passes through it" : "")
        .append("). Template ")
        .append(c.template().id())
        .append(": ")
        .append(c.mutation().what())
        .append(". With it, the failing test(s) ")
        .append(String.join(", ", loc.failingTests()))
        .append(" pass in selfheal's test worker");
    if (covering.isEmpty()) {
      b.append(", but no passing test runs the changed line(s): only the ")
          .append(failingCovering.size())
          .append(" failing test(s) that run them back it");
    } else {
      b.append(", and so do the ")
          .append(covering.size())
          .append(" passing test(s) that run the changed line(s)");
    }
    b.append(". ")
        .append(survivors)
        .append(survivors == 1 ? " candidate" : " candidates")
        .append(" survived");
    if (ambiguous) {
      b.append(", another as small as this one among them");
    }
    b.append("; the smallest was kept. ").append(tally).append('.');
    return b.toString();
  }
}
