package dev.selfheal.fix.logic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfheal.fix.JavaLanguage;
import dev.selfheal.vcs.ChangeHunks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before/after pairs for every repair template: the line it is asked about, the fixes it must
 * propose there (and which first), what it must leave alone.
 */
class RepairTemplatesTest {
  private static final String CLASS =
      """
      package com.acme;

      import java.util.List;

      public final class Algo {
        private int limit = 3;

        public static int search(int[] arr, int x, int start, int end) {
          int mid = start + (end - start) / 2;
          if (start < end) {
            return search(arr, x, mid, end);
          }
          return arr[mid];
        }

        static int bits(int n) {
          int count = 0;
          while (n != 0) {
            n ^= n - 1;
            count++;
          }
          return count;
        }

        static int gcd(int a, int b) {
          return b == 0 ? a : gcd(a % b, b);
        }

        static String base(String result, char c) {
          result = result + String.valueOf(c);
          return "x" + result;
        }

        static boolean cycle(Node hare, boolean ok, int a, int b) {
          if (hare.next() == null) {
            return false;
          }
          if (a > 0 && b > 0) {
            return Math.min(a, b) > 1;
          }
          hare.mark();
          if (!ok) {
            return ok;
          }
          return true;
        }

        static List<Node> order(Node n) {
          return n.getSuccessors();
        }
      }
      """;

  private static List<String> fixes(RepairTemplate t, String text, int line) {
    return fixes(t, text, line, null, false);
  }

  private static List<String> fixes(
      RepairTemplate t, String text, int line, ChangeHunks.Hunk hunk, boolean intent) {
    Site s =
        Site.of(
                "src/main/java/com/acme/Algo.java",
                text,
                JavaLanguage.parser(17),
                line,
                hunk,
                intent)
            .orElseThrow();
    List<String> out = t.at(s).stream().map(m -> lineOf(m.applyTo(text), line, m)).toList();
    assertThat(t.at(s).stream().map(m -> m.applyTo(text)).toList())
        .as("deterministic, and never the text unchanged")
        .isEqualTo(t.at(s).stream().map(m -> m.applyTo(text)).toList())
        .doesNotContain(text);
    return out;
  }

  /** The changed line(s) of the result, stripped, for a readable expectation. */
  private static String lineOf(String after, int line, Mutation m) {
    String[] a = after.split("\n", -1);
    String r =
        m.replacement().endsWith("\n")
            ? m.replacement().substring(0, m.replacement().length() - 1)
            : m.replacement();
    int extra = (int) r.chars().filter(c -> c == '\n').count();
    StringBuilder b = new StringBuilder();
    for (int i = line - 1; i < line + extra && i < a.length; i++) {
      b.append(b.length() == 0 ? "" : " / ").append(a[i].strip());
    }
    return b.toString();
  }

  private static int line(String text) {
    String[] lines = CLASS.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(text);
  }

  @Test
  void relationalOperatorTriesTheBoundaryFirst() {
    List<String> f = fixes(new RelationalOperator(), CLASS, line("if (start < end)"));
    assertThat(f.get(0)).isEqualTo("if (start <= end) {");
    assertThat(f).contains("if (start > end) {", "if (start != end) {");
    assertThat(fixes(new RelationalOperator(), CLASS, line("hare.next() == null")))
        .as("a null check only flips")
        .containsExactly("if (hare.next() != null) {");
    assertThat(fixes(new RelationalOperator(), CLASS, line("if (a > 0 && b > 0)")))
        .contains("if (a >= 0 && b > 0) {", "if (a > 0 || b > 0) {");
  }

  @Test
  void arithmeticOperatorCoversCompoundAssignmentsAndIncrements() {
    assertThat(fixes(new ArithmeticOperator(), CLASS, line("n ^= n - 1")))
        .contains("n &= n - 1;", "n ^= n + 1;");
    assertThat(fixes(new ArithmeticOperator(), CLASS, line("count++"))).containsExactly("count--;");
    assertThat(fixes(new ArithmeticOperator(), CLASS, line("return \"x\" + result")))
        .as("string concatenation is not arithmetic")
        .isEmpty();
  }

  @Test
  void offByOneMovesBoundsIndexesAndArguments() {
    assertThat(fixes(new OffByOne(), CLASS, line("return search(arr, x, mid, end)")))
        .contains("return search(arr, x, mid + 1, end);", "return search(arr, x, mid, end - 1);");
    assertThat(fixes(new OffByOne(), CLASS, line("return arr[mid]")))
        .containsExactly("return arr[mid + 1];", "return arr[mid - 1];");
    assertThat(fixes(new OffByOne(), CLASS, line("n ^= n - 1"))).contains("n ^= n;");
  }

  @Test
  void conditionsAreNegatedOrLoosened() {
    assertThat(fixes(new NegateCondition(), CLASS, line("if (!ok)"))).containsExactly("if (ok) {");
    assertThat(fixes(new NegateCondition(), CLASS, line("if (a > 0 && b > 0)")))
        .contains("if (!(a > 0 && b > 0)) {", "if (!(a > 0) && b > 0) {");
    assertThat(fixes(new RemoveCondition(), CLASS, line("if (a > 0 && b > 0)")))
        .containsExactly("if (a > 0) {", "if (b > 0) {", "if (true) {");
  }

  @Test
  void aNullGuardGoesIntoTheConditionAroundTheStatementOrBeforeIt() {
    assertThat(fixes(new NullGuard(), CLASS, line("if (hare.next() == null)")))
        .contains("if (hare == null || hare.next() == null) {");
    assertThat(fixes(new NullGuard(), CLASS, line("hare.mark();")))
        .contains(
            "if (hare != null) { / hare.mark(); / }", "if (hare == null) { / return false; / }");
  }

  @Test
  void argumentsAndOrderSensitiveOperandsAreSwapped() {
    assertThat(fixes(new SwapArguments(), CLASS, line("gcd(a % b, b)")))
        .contains("return b == 0 ? a : gcd(b, a % b);", "return b == 0 ? a : gcd(b % a, b);");
    assertThat(fixes(new SwapArguments(), CLASS, line("result = result + String.valueOf(c)")))
        .contains("result = String.valueOf(c) + result;");
  }

  @Test
  void oppositeMethodsAreCalled() {
    assertThat(fixes(new MinMaxSwap(), CLASS, line("Math.min(a, b)")))
        .containsExactly("return Math.max(a, b) > 1;");
    assertThat(fixes(new MinMaxSwap(), CLASS, line("n.getSuccessors()")))
        .containsExactly("return n.getPredecessors();");
  }

  @Test
  void variablesAndReturnValuesAreReplacedByOthersOfTheirType() {
    assertThat(fixes(new ReplaceVariable(), CLASS, line("return search(arr, x, mid, end)")))
        .contains("return search(arr, x, start, end);", "return search(arr, mid, mid, end);")
        .doesNotContain("return search(x, x, mid, end);"); // arr is an int[], x an int
    assertThat(fixes(new ReplaceReturn(), CLASS, line("return ok;")))
        .containsExactly(
            "return !ok;",
            "return true;",
            "return false;",
            "return a == 0;",
            "return a > 0;",
            "return b == 0;",
            "return b > 0;",
            "return limit == 0;",
            "return limit > 0;");
  }

  @Test
  void aPartialRevertRestoresTheLineOnlyWithoutDeclaredIntent() {
    int at = line("if (start < end)");
    var hunk =
        new ChangeHunks.Hunk(
            at, List.of("    if (start <= end) {"), List.of("    if (start < end) {"));
    assertThat(fixes(new PartialRevert(), CLASS, at, hunk, false))
        .containsExactly("if (start <= end) {");
    assertThat(fixes(new PartialRevert(), CLASS, at, hunk, true)).isEmpty();
    var removed =
        new ChangeHunks.Hunk(
            line("hare.mark();"),
            List.of("    if (hare == null) {", "      return false;", "    }"),
            List.of());
    assertThat(fixes(new PartialRevert(), CLASS, line("hare.mark();"), removed, false))
        .containsExactly("if (hare == null) { / return false; / }");
  }
}
