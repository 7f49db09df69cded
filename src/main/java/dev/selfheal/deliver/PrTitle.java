package dev.selfheal.deliver;

import dev.selfheal.model.Diagnosis;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PR title that names the change ({@code follow rename PriceCalculator.totalWithTax →
 * grossTotal}), read from the diagnoses the recipes write; a model's diagnosis gives its root
 * cause's first clause. Never cut in the middle of a word.
 */
final class PrTitle {
  static final int MAX = 72;

  private record Shape(Pattern pattern, String title) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              Pattern.compile("^the breaking change renamed (\\S+) to (\\S+)"),
              "follow rename $1 → $2"),
          new Shape(
              Pattern.compile("^the breaking change moved (\\S+) to (\\S+)"),
              "follow move $1 → $2"),
          new Shape(
              Pattern.compile(
                  "^the breaking change (?:reordered the parameters of|removed a parameter of) (\\S+)"),
              "follow the new parameters of $1"),
          new Shape(
              Pattern.compile("^(\\S+) uses (\\S+) without importing it \\(([\\w.$]+)"),
              "import $3 in $1"),
          new Shape(
              Pattern.compile("^(\\S+) does not declare (\\S+), which provides"),
              "declare $2 in $1"),
          new Shape(
              Pattern.compile("^\\d+ versions of (\\S+) reach the build; pinned to (\\S+)"),
              "pin $1 to $2"),
          new Shape(
              Pattern.compile(
                  "^the intended change \"[^\"]*\" changed what .*; (\\S+) still expects"),
              "update the expected output in $1"),
          new Shape(
              Pattern.compile("^(\\S+) breaks \\d+ mechanical Checkstyle"), "fix Checkstyle in $1"),
          new Shape(Pattern.compile("^(\\S+) is not formatted"), "format $1 as Spotless requires"));

  private PrTitle() {}

  static String of(List<Diagnosis> diagnoses, List<String> strategies) {
    String first = one(diagnoses.get(0));
    long others = diagnoses.stream().map(PrTitle::one).distinct().count() - 1;
    String title = others > 0 ? first + " (+" + others + " more)" : first;
    return cut(title, MAX);
  }

  private static String one(Diagnosis d) {
    String root = d.rootCause().strip().replaceAll("\\s+", " ");
    for (Shape s : SHAPES) {
      Matcher m = s.pattern().matcher(root);
      if (m.find()) {
        String t = s.title();
        for (int g = m.groupCount(); g >= 1; g--) {
          t = t.replace("$" + g, m.group(g).replaceAll("[,.;:]$", ""));
        }
        return t;
      }
    }
    String clause = root.split("(?<=[.;:])\\s")[0].replaceAll("[.;:]$", "");
    return clause.isEmpty() ? "heal the failing build" : lower(clause);
  }

  private static String lower(String s) {
    return s.length() > 1
            && Character.isUpperCase(s.charAt(0))
            && !Character.isUpperCase(s.charAt(1))
        ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
        : s;
  }

  /** At most {@code max} characters, cut at a space with an ellipsis, never inside a word. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int space = s.lastIndexOf(' ', max - 1);
    return (space > max / 2 ? s.substring(0, space) : s.substring(0, max - 1)).stripTrailing()
        + "…";
  }
}
