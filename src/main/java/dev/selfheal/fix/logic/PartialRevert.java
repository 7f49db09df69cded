package dev.selfheal.fix.logic;

import dev.selfheal.vcs.ChangeHunks;
import java.util.ArrayList;
import java.util.List;

/**
 * The suspicious line as it was before the breaking change: its hunk restored whole, and, where the
 * hunk replaced as many lines as it wrote, the one line alone. Only when the change declared no
 * intent to change behaviour (a refactoring, a fix of something else): then the tests that now fail
 * caught a regression, and the old line is what they expect. The inverse of {@code
 * java/intended-output-change}'s rule.
 */
public final class PartialRevert implements RepairTemplate {
  @Override
  public String id() {
    return "partial-revert";
  }

  @Override
  public String description() {
    return "Restores the suspicious line as it was before the breaking change.";
  }

  @Override
  public double prior() {
    return 1.0;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<Mutation> out = new ArrayList<>();
    if (site.intentDeclared() || site.hunk().isEmpty()) {
      return out;
    }
    ChangeHunks.Hunk h = site.hunk().get();
    String[] lines = site.text().split("\n", -1);
    for (int i = 0; i < h.after().size(); i++) {
      int n = h.afterStart() + i;
      if (n > lines.length || !strip(lines[n - 1]).equals(strip(h.after().get(i)))) {
        return out; // the file is no longer as the change left it
      }
    }
    int start = site.lineStart(h.afterStart());
    int end = site.lineStart(h.afterStart() + h.after().size());
    String eol = site.text().contains("\r\n") ? "\r\n" : "\n";
    StringBuilder before = new StringBuilder();
    h.before().forEach(l -> before.append(l).append(eol));
    boolean atEnd = end >= site.text().length() && !site.text().endsWith("\n");
    String restored =
        atEnd && before.length() > 0
            ? before.substring(0, before.length() - eol.length())
            : before.toString();
    out.add(
        new Mutation(
            start, Math.min(end, site.text().length()), restored, id() + ": " + describe(h)));
    int i = site.line() - h.afterStart();
    if (h.after().size() > 1
        && h.before().size() == h.after().size()
        && i >= 0
        && i < h.after().size()) {
      int s = site.lineStart(site.line());
      int e = s + strip(lines[site.line() - 1]).length();
      String old = h.before().get(i);
      out.add(
          new Mutation(
              s,
              e,
              old,
              id() + ": `" + lines[site.line() - 1].strip() + "` → `" + old.strip() + "`"));
    }
    return out;
  }

  private static String describe(ChangeHunks.Hunk h) {
    if (h.after().isEmpty()) {
      return "restores " + h.before().size() + " line(s) the change removed";
    }
    if (h.before().size() == 1 && h.after().size() == 1) {
      return "`" + h.after().get(0).strip() + "` → `" + h.before().get(0).strip() + "`";
    }
    return "restores lines "
        + h.afterStart()
        + "–"
        + h.afterEnd()
        + " as they were before the change";
  }

  private static String strip(String s) {
    return s.replace("\r", "");
  }
}
