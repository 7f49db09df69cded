package dev.selfheal.breakage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Introduces one mechanical lint violation into a file, as a hurried edit does: trailing spaces, a
 * tab for indentation, a missing final newline, or an unused import. Only in projects that run
 * Checkstyle (a {@code checkstyle.xml} beside a pom), where the build then fails. The fix restores
 * the file (whitespace aside, which the lint decides).
 */
public final class LintViolation implements Operator {
  private static final String RECIPE = "lint/checkstyle-mechanical";

  @Override
  public Kind kind() {
    return Kind.LINT_VIOLATION;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    List<Breakage> out = new ArrayList<>();
    boolean linted =
        project.poms().stream().anyMatch(p -> project.has(p.replace("pom.xml", "checkstyle.xml")));
    if (!linted) {
      return out;
    }
    int n = 0;
    for (String file : project.javaFiles()) {
      String text = project.text(file);
      if (!text.endsWith("\n") || text.contains("\r")) {
        continue;
      }
      String name = file.substring(file.lastIndexOf('/') + 1);
      String[] lines = text.split("\n", -1);
      int mid = lines.length / 2;
      while (mid < lines.length - 1 && !lines[mid].startsWith("    ")) {
        mid++;
      }
      String broken;
      String what;
      switch (n++ % 4) {
        case 0 -> {
          lines[mid] = lines[mid] + "  ";
          broken = String.join("\n", lines);
          what = "trailing spaces on line " + (mid + 1);
        }
        case 1 -> {
          if (!lines[mid].startsWith("    ")) {
            continue;
          }
          lines[mid] = "\t" + lines[mid].substring(2);
          broken = String.join("\n", lines);
          what = "a tab on line " + (mid + 1);
        }
        case 2 -> {
          broken = text.stripTrailing();
          what = "no newline at the end";
        }
        default -> {
          if (text.contains("Objects") || !text.matches("(?s).*\\npackage [^\\n]+;\\n.*")) {
            continue;
          }
          broken = text.replaceFirst("(package [^\\n]+;\\n)", "$1\nimport java.util.Objects;\n");
          what = "an unused import of java.util.Objects";
        }
      }
      out.add(
          new Breakage(
              kind().id() + ":" + file + ":" + what,
              kind(),
              what + " in " + name,
              "chore: quick fix in " + name,
              Map.of(file, broken),
              Set.of(),
              new Expectation.Files(RECIPE, Map.of(file, text))));
    }
    return out;
  }
}
