package dev.selfheal.fix.logic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;

/** The conditions on a line: of if, while, do, for and the ternary operator. */
final class Conditions {
  private Conditions() {}

  /** Each condition that lies on the line, with whether it guards an {@code if}. */
  record Condition(Expression expression, boolean ofIf) {}

  static List<Condition> on(Site site) {
    List<Condition> out = new ArrayList<>();
    for (Node n : site.unit().findAll(Node.class, Conditions::hasCondition)) {
      Expression c = condition(n);
      if (c != null && c.getRange().isPresent()) {
        int b = c.getRange().get().begin.line;
        int e = c.getRange().get().end.line;
        if (b <= site.line() && site.line() <= e && e - b <= 3) {
          out.add(new Condition(c, n instanceof IfStmt));
        }
      }
    }
    return out;
  }

  private static boolean hasCondition(Node n) {
    return n instanceof IfStmt
        || n instanceof WhileStmt
        || n instanceof DoStmt
        || n instanceof ForStmt
        || n instanceof ConditionalExpr;
  }

  private static Expression condition(Node n) {
    if (n instanceof IfStmt s) {
      return s.getCondition();
    }
    if (n instanceof WhileStmt s) {
      return s.getCondition();
    }
    if (n instanceof DoStmt s) {
      return s.getCondition();
    }
    if (n instanceof ForStmt s) {
      return s.getCompare().orElse(null);
    }
    return ((ConditionalExpr) n).getCondition();
  }

  /** {@code !c}, written as a person would: {@code !x}, {@code !(a < b)}; {@code !!c} unwrapped. */
  static String negated(Site site, Expression c) {
    if (c.isUnaryExpr()
        && c.asUnaryExpr().getOperator()
            == com.github.javaparser.ast.expr.UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Expression inner = c.asUnaryExpr().getExpression();
      return inner.isEnclosedExpr()
          ? site.source(inner.asEnclosedExpr().getInner())
          : site.source(inner);
    }
    return "!" + Operators.operand(site, c);
  }
}
