package dev.selfheal.fix.recipes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.Statement;
import dev.selfheal.model.Edit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a test spells an expected value that is not one literal on the failing line: a constant of
 * the test ({@code GREETING}), adjacent string pieces ({@code "Hello, " + name + "!"}), a text
 * block. The change to the production string is taken as one replacement ({@code X → Y}, what lies
 * between the common prefix and suffix of the old and new value); it is applied where exactly one
 * string piece of the assertion's statement, or of a variable it names (in this file, two levels
 * deep), holds {@code X} exactly once. Anything else is declined, with why.
 */
final class ExpectedSpelling {
  private ExpectedSpelling() {}

  /** An edit, or the precise reason there is none. */
  record Result(Optional<Edit> edit, String where, String whyNot) {}

  static Result follow(
      String file, String source, CompilationUnit cu, int line, String expected, String actual) {
    int p = 0;
    while (p < expected.length() && p < actual.length() && expected.charAt(p) == actual.charAt(p)) {
      p++;
    }
    int s = 0;
    while (s < expected.length() - p
        && s < actual.length() - p
        && expected.charAt(expected.length() - 1 - s) == actual.charAt(actual.length() - 1 - s)) {
      s++;
    }
    String x = expected.substring(p, expected.length() - s);
    String y = actual.substring(p, actual.length() - s);
    if (x.isEmpty()) {
      // An insertion: anchor it on the character before it (or after, at the very start).
      if (p > 0) {
        x = expected.substring(p - 1, p);
        y = x + y;
      } else if (s > 0) {
        x = expected.substring(p, p + 1);
        y = y + x;
      } else {
        return new Result(Optional.empty(), null, "the expected value is empty");
      }
    }
    Optional<Statement> stmt =
        cu.findAll(Statement.class).stream()
            .filter(
                st ->
                    st.getRange()
                        .map(r -> r.begin.line <= line && line <= r.end.line)
                        .orElse(false))
            .filter(st -> !(st instanceof com.github.javaparser.ast.stmt.BlockStmt))
            .reduce((a, b) -> b); // the innermost
    if (stmt.isEmpty()) {
      return new Result(Optional.empty(), null, "no statement at the failing line");
    }
    List<LiteralStringValueExpr> pieces = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    collect(stmt.get(), cu, pieces, seen, 0);
    List<LiteralStringValueExpr> holding = new ArrayList<>();
    for (LiteralStringValueExpr piece : pieces) {
      String v = value(piece);
      if (count(v, x) == 1) {
        holding.add(piece);
      } else if (count(v, x) > 1) {
        return new Result(
            Optional.empty(),
            null,
            "\"" + x + "\" occurs more than once in one piece of the expected value");
      }
    }
    if (holding.size() != 1) {
      return new Result(
          Optional.empty(),
          null,
          holding.isEmpty()
              ? "no string piece of the expected value (on the line, in a constant it names, a"
                  + " text block) holds the changed part \""
                  + x
                  + "\""
              : holding.size() + " string pieces hold the changed part \"" + x + "\": ambiguous");
    }
    LiteralStringValueExpr piece = holding.get(0);
    Optional<Edit> edit = replaceIn(file, source, piece, x, y);
    String where =
        piece instanceof TextBlockLiteralExpr
            ? "a text block"
            : seen.isEmpty()
                ? "a piece of the expected value"
                : "the constant " + String.join(", ", seen);
    return edit.isPresent()
        ? new Result(
            edit, where + " at line " + piece.getBegin().map(b -> b.line).orElse(line), null)
        : new Result(
            Optional.empty(),
            null,
            "the changed part could not be replaced in the source as written");
  }

  /** String pieces in a node, and in the initializers of the variables it names (two levels). */
  private static void collect(
      Node node,
      CompilationUnit cu,
      List<LiteralStringValueExpr> out,
      Set<String> seen,
      int depth) {
    node.findAll(StringLiteralExpr.class).forEach(out::add);
    node.findAll(TextBlockLiteralExpr.class).forEach(out::add);
    if (depth >= 2) {
      return;
    }
    for (NameExpr n : node.findAll(NameExpr.class)) {
      String name = n.getNameAsString();
      if (!seen.add(name)) {
        continue;
      }
      for (VariableDeclarator v : cu.findAll(VariableDeclarator.class)) {
        if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
          collect(v.getInitializer().get(), cu, out, seen, depth + 1);
        }
      }
    }
  }

  private static String value(LiteralStringValueExpr e) {
    return e instanceof TextBlockLiteralExpr t ? t.asString() : ((StringLiteralExpr) e).asString();
  }

  private static int count(String hay, String needle) {
    int n = 0;
    for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * The piece's source text with {@code x} replaced by {@code y}, as the piece writes them (escaped
   * in a string literal; as-is in a text block, and only on one line of it).
   */
  private static Optional<Edit> replaceIn(
      String file, String source, LiteralStringValueExpr piece, String x, String y) {
    if (piece.getRange().isEmpty()) {
      return Optional.empty();
    }
    var r = piece.getRange().get();
    String[] lines = source.split("\r?\n", -1);
    String from;
    String to;
    if (piece instanceof TextBlockLiteralExpr) {
      if (x.contains("\n") || y.contains("\n") || x.contains("\\") || y.contains("\\")) {
        return Optional.empty();
      }
      from = x;
      to = y;
    } else {
      from = escape(x);
      to = escape(y);
    }
    int hits = 0;
    int at = -1;
    for (int l = r.begin.line; l <= r.end.line; l++) {
      int c = count(lines[l - 1], from);
      if (c > 0) {
        hits += c;
        at = l;
      }
    }
    if (hits != 1) {
      return Optional.empty();
    }
    String fixed = lines[at - 1].replace(from, to);
    return LineEdit.replace(file, source, at - 1, fixed);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
  }
}
