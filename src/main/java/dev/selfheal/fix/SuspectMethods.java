package dev.selfheal.fix;

import com.github.javaparser.ast.body.CallableDeclaration;
import dev.selfheal.localize.Localization;
import dev.selfheal.localize.Suspect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The methods around the top-ranked suspicious lines, as the model's prompt shows them: each with
 * its rank, its spectrum and its source with the file's own line numbers, most suspicious first.
 */
final class SuspectMethods {
  /** Methods shown at most: past these the ranking says little. */
  static final int MAX_METHODS = 5;

  private SuspectMethods() {}

  /** The section's text, and the files it quotes (to be listed first among the files). */
  record Shown(String text, List<String> files) {}

  static Shown of(Localization loc, FixContext ctx, Predicate<String> withheld) throws IOException {
    StringBuilder b = new StringBuilder();
    Set<String> methods = new LinkedHashSet<>();
    List<String> files = new ArrayList<>();
    for (Suspect s : loc.top(30)) {
      if (methods.size() == MAX_METHODS) {
        break;
      }
      if (withheld.test(s.file()) || !s.file().endsWith(".java")) {
        continue;
      }
      String text = ctx.read(s.file());
      var cu = ctx.parser().parse(text).getResult();
      if (cu.isEmpty()) {
        continue;
      }
      CallableDeclaration<?> around = null;
      for (CallableDeclaration<?> c : cu.get().findAll(CallableDeclaration.class)) {
        var r = c.getRange();
        if (r.isPresent() && r.get().begin.line <= s.line() && s.line() <= r.get().end.line) {
          around = c;
        }
      }
      int from = around == null ? Math.max(1, s.line() - 3) : around.getBegin().get().line;
      int to = around == null ? s.line() + 3 : around.getEnd().get().line;
      if (!methods.add(s.file() + ":" + from)) {
        continue;
      }
      if (!files.contains(s.file())) {
        files.add(s.file());
      }
      b.append(
          String.format(
              Locale.ROOT,
              "#%d %s:%d%s (Ochiai %.2f: %d failing and %d passing test(s) run it%s%s)%n",
              s.rank(),
              s.file(),
              s.line(),
              s.method() == null ? "" : " in " + s.method(),
              s.ochiai(),
              s.spectrum().ef(),
              s.spectrum().ep(),
              s.changed() ? "; the breaking change wrote it" : "",
              s.inStack() ? "; on a failure's stack" : ""));
      String[] lines = text.split("\n", -1);
      for (int n = from; n <= Math.min(to, lines.length) && n - from < 60; n++) {
        b.append(
            String.format(Locale.ROOT, "%s%4d| %s%n", n == s.line() ? ">" : " ", n, lines[n - 1]));
      }
      b.append('\n');
    }
    return new Shown(b.toString(), files);
  }
}
