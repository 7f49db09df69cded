package dev.selfheal.fix.recipes;

import dev.selfheal.fix.FixContext;
import dev.selfheal.fix.FixRecipe;
import dev.selfheal.model.Category;
import dev.selfheal.model.Diagnosis;
import dev.selfheal.model.DiagnosisSource;
import dev.selfheal.model.Edit;
import dev.selfheal.model.Failure;
import dev.selfheal.model.FailureKind;
import dev.selfheal.model.Fix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkstyle's mechanical rules — unused and duplicate imports, trailing spaces, a missing final
 * newline, tab indentation — fixed on exactly the lines they name. All such violations of one file
 * are fixed together (one after another they would shift each other's line numbers); a line that
 * does not look as the rule says is left alone.
 */
public final class MechanicalLintRecipe implements FixRecipe {
  static final String ID = "lint/checkstyle-mechanical";
  private static final Set<String> RULES =
      Set.of(
          "UnusedImports",
          "RedundantImport",
          "RegexpSingleline",
          "NewlineAtEndOfFile",
          "FileTabCharacter");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)\\s*;\\s*$");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Removes unused and duplicate imports, trailing spaces and tab indentation, and adds the final newline, where Checkstyle says.";
  }

  @Override
  public boolean appliesTo(Failure f) {
    return f.kind() == FailureKind.LINT_VIOLATION
        && f.file() != null
        && RULES.contains(f.details().rule())
        && (!f.details().rule().equals("RegexpSingleline")
            || f.message().toLowerCase().contains("trailing"));
  }

  @Override
  public Optional<Fix> fix(Failure f, FixContext ctx) throws IOException {
    List<Failure> same = new ArrayList<>();
    for (Failure o : ctx.openFailures()) {
      if (appliesTo(o) && f.file().equals(o.file())) {
        same.add(o);
      }
    }
    if (same.isEmpty()) {
      same.add(f);
    }
    String text = ctx.read(f.file());
    boolean crlf = text.contains("\r\n");
    String nl = crlf ? "\r\n" : "\n";
    boolean finalNewline = text.endsWith("\n");
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (finalNewline) {
      lines.remove(lines.size() - 1);
    }
    List<String> done = new ArrayList<>();
    List<String> fingerprints = new ArrayList<>();
    boolean addNewline = false;
    // Bottom to top, so removing a line never moves one still to be fixed.
    same.sort(Comparator.comparing((Failure x) -> x.line() == null ? 0 : x.line()).reversed());
    for (Failure v : same) {
      String rule = v.details().rule();
      int i = v.line() == null ? -1 : v.line() - 1;
      boolean ok =
          switch (rule) {
            case "NewlineAtEndOfFile" -> addNewline = !finalNewline;
            case "FileTabCharacter" -> detab(lines);
            case "RegexpSingleline" -> i >= 0 && i < lines.size() && stripTrailing(lines, i);
            case "UnusedImports" ->
                i >= 0 && i < lines.size() && unused(lines, i) && lines.remove(i) != null;
            case "RedundantImport" ->
                i >= 0 && i < lines.size() && duplicate(lines, i) && lines.remove(i) != null;
            default -> false;
          };
      if (ok) {
        done.add(rule + (v.line() == null ? "" : " at line " + v.line()));
        fingerprints.add(v.fingerprint());
      }
    }
    if (!fingerprints.contains(f.fingerprint())) {
      return Optional.empty();
    }
    String fixed = String.join(nl, lines) + (finalNewline || addNewline ? nl : "");
    String simple = f.file().substring(f.file().lastIndexOf('/') + 1);
    Diagnosis d =
        new Diagnosis(
            simple + " breaks " + same.size() + " mechanical Checkstyle rule(s)",
            Category.LINT_ERROR,
            List.of(f.file()),
            0.9,
            "Checkstyle reported "
                + String.join(", ", reversed(done))
                + "; each named line is fixed as the rule asks and no other line changes.",
            DiagnosisSource.RULES);
    return Optional.of(new Fix(fingerprints, d, ID, List.of(new Edit(f.file(), text, fixed))));
  }

  private static boolean stripTrailing(List<String> lines, int i) {
    String was = lines.get(i);
    lines.set(i, was.stripTrailing());
    return !was.equals(lines.get(i));
  }

  private static boolean unused(List<String> lines, int i) {
    Matcher m = IMPORT.matcher(lines.get(i));
    if (!m.matches() || m.group(2).endsWith("*")) {
      return false;
    }
    String simple = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
    Pattern use = Pattern.compile("\\b" + Pattern.quote(simple) + "\\b");
    for (int k = 0; k < lines.size(); k++) {
      if (k != i && !IMPORT.matcher(lines.get(k)).matches() && use.matcher(lines.get(k)).find()) {
        return false; // used after all (perhaps in Javadoc, which Checkstyle may count): leave it
      }
    }
    return true;
  }

  private static boolean duplicate(List<String> lines, int i) {
    Matcher m = IMPORT.matcher(lines.get(i));
    if (!m.matches()) {
      return false;
    }
    for (int k = 0; k < i; k++) {
      Matcher o = IMPORT.matcher(lines.get(k));
      if (o.matches()
          && o.group(2).equals(m.group(2))
          && o.group(1) == null == (m.group(1) == null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tab indentation to spaces, at the width the file's other lines indent with; a tab inside a line
   * is not touched.
   */
  private static boolean detab(List<String> lines) {
    int width = 0;
    for (String l : lines) {
      int spaces = l.length() - l.replaceFirst("^ +", "").length();
      if (spaces > 0 && !l.startsWith("\t")) {
        width = width == 0 ? spaces : gcd(width, spaces);
      }
    }
    String unit = " ".repeat(width == 0 ? 4 : width);
    boolean changed = false;
    for (int k = 0; k < lines.size(); k++) {
      String l = lines.get(k);
      int tabs = 0;
      while (tabs < l.length() && l.charAt(tabs) == '\t') {
        tabs++;
      }
      if (tabs > 0) {
        lines.set(k, unit.repeat(tabs) + l.substring(tabs));
        changed = true;
      }
    }
    return changed;
  }

  private static List<String> reversed(List<String> in) {
    List<String> out = new ArrayList<>(in);
    java.util.Collections.reverse(out);
    return out;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
