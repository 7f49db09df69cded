package dev.selfheal.fix.logic;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import java.util.List;
import java.util.Optional;

/** Where an operator stands in the text, and how an expression reads as an operand. */
final class Operators {
  private Operators() {}

  /** The operator token of a binary expression: between its operands, outside comments. */
  static Optional<Mutation> replaceOperator(
      Site site, BinaryExpr b, BinaryExpr.Operator to, String template) {
    int from = site.end(b.getLeft());
    int until = site.start(b.getRight());
    String gap = site.text().substring(from, until);
    String op = b.getOperator().asString();
    int at = gap.indexOf(op);
    if (at < 0 || gap.indexOf(op, at + 1) >= 0 || gap.contains("/*") || gap.contains("//")) {
      return Optional.empty();
    }
    return Optional.of(
        new Mutation(
            from + at,
            from + at + op.length(),
            to.asString(),
            template + ": `" + op + "` → `" + to.asString() + "` in `" + site.source(b) + "`"));
  }

  /** The expression as an operand of a binary operator: parenthesised unless it binds tighter. */
  static String operand(Site site, Expression e) {
    String s = site.source(e);
    boolean simple =
        e.isNameExpr()
            || e.isLiteralExpr()
            || e.isMethodCallExpr()
            || e.isFieldAccessExpr()
            || e.isArrayAccessExpr()
            || e.isEnclosedExpr()
            || e.isObjectCreationExpr()
            || e.isThisExpr();
    return simple ? s : "(" + s + ")";
  }

  /** Whether an expression is certainly not a number (a string, null, a boolean, a char). */
  static boolean notNumeric(Expression e) {
    return e.isStringLiteralExpr()
        || e.isNullLiteralExpr()
        || e.isBooleanLiteralExpr()
        || e.isTextBlockLiteralExpr()
        || e.isObjectCreationExpr();
  }

  /**
   * The first alternative of every node, then the second of every node, and so on: a line's most
   * likely changes come before any node's least likely one.
   */
  static List<Mutation> interleave(List<List<Mutation>> perNode) {
    List<Mutation> out = new java.util.ArrayList<>();
    for (int i = 0; ; i++) {
      boolean any = false;
      for (List<Mutation> l : perNode) {
        if (i < l.size()) {
          out.add(l.get(i));
          any = true;
        }
      }
      if (!any) {
        return out;
      }
    }
  }

  static final List<BinaryExpr.Operator> RELATIONAL =
      List.of(
          BinaryExpr.Operator.LESS,
          BinaryExpr.Operator.LESS_EQUALS,
          BinaryExpr.Operator.GREATER,
          BinaryExpr.Operator.GREATER_EQUALS,
          BinaryExpr.Operator.EQUALS,
          BinaryExpr.Operator.NOT_EQUALS);
}
