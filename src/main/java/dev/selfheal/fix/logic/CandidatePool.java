package dev.selfheal.fix.logic;

import dev.selfheal.fix.ChangeIntent;
import dev.selfheal.fix.FixContext;
import dev.selfheal.localize.Localization;
import dev.selfheal.localize.Suspect;
import dev.selfheal.vcs.BreakingChange;
import dev.selfheal.vcs.ChangeHunks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every template's changes at the most suspicious lines, as candidates, most promising first:
 * ordered by the line's suspiciousness (a line the breaking change wrote counts thrice, one on a
 * failure's stack half again) × the template's prior × a patch-size discount. Two changes that give
 * the same text are one candidate (the first template's). Test files are never changed.
 */
final class CandidatePool {
  /** Lines past this rank are not tried: a fix that far down is more luck than evidence. */
  static final int MAX_LINES = 25;

  private static final Pattern TEST_FILE =
      Pattern.compile("(^|/)src/test/|Tests?\\.java$|IT\\.java$|TestCase\\.java$|_TEST\\.java$");

  private CandidatePool() {}

  static List<Candidate> of(Localization loc, FixContext ctx, List<RepairTemplate> templates)
      throws IOException {
    BreakingChange change = ctx.change();
    boolean intent = ChangeIntent.declared(change).isPresent();
    Map<String, ChangeHunks> hunks = new HashMap<>();
    change.files().forEach(f -> hunks.put(f.path(), ChangeHunks.of(f)));
    Map<String, String> texts = new HashMap<>();
    Map<String, Candidate> byText = new LinkedHashMap<>();
    int lines = 0;
    for (Suspect s : loc.ranked()) {
      if (lines == MAX_LINES) {
        break;
      }
      if (!s.file().endsWith(".java") || TEST_FILE.matcher(s.file()).find()) {
        continue;
      }
      lines++;
      String text = texts.get(s.file());
      if (text == null) {
        text = ctx.read(s.file());
        texts.put(s.file(), text);
      }
      ChangeHunks h = hunks.get(s.file());
      Optional<Site> site =
          Site.of(
              s.file(),
              text,
              ctx.parser(),
              s.line(),
              h == null ? null : h.at(s.line()).orElse(null),
              intent);
      if (site.isEmpty()) {
        continue;
      }
      String className = className(site.get());
      for (RepairTemplate t : templates) {
        for (Mutation m : t.at(site.get())) {
          String neu = m.applyTo(text);
          String key = s.file() + "\u0000" + neu;
          if (neu.equals(text) || byText.containsKey(key)) {
            continue;
          }
          int size =
              Math.max(1, PatchSize.tokens(text.substring(m.start(), m.end()), m.replacement()));
          int first = lineOf(text, m.start());
          int last = Math.max(first, lineOf(text, Math.max(m.start(), m.end() - 1)));
          double weight = (s.changed() ? 3 : s.inStack() ? 1.5 : 1) * Math.max(0.05, s.ochiai());
          double score = weight * t.prior() / (1 + 0.1 * size);
          byText.put(
              key, new Candidate(s.file(), className, t, m, neu, s, first, last, size, score));
        }
      }
    }
    List<Candidate> out = new ArrayList<>(byText.values());
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return out;
  }

  private static String className(Site site) {
    String file = site.file();
    String stem = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.java$", "");
    return site.unit()
        .getPackageDeclaration()
        .map(p -> p.getNameAsString() + "." + stem)
        .orElse(stem);
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
