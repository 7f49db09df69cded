package dev.selfheal.fix.logic;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition that tests the opposite of what it should: the whole condition negated, or one
 * operand of its {@code &&} or {@code ||}.
 */
public final class NegateCondition implements RepairTemplate {
  @Override
  public String id() {
    return "condition-negation";
  }

  @Override
  public String description() {
    return "Negates a condition, or one part of it.";
  }

  @Override
  public double prior() {
    return 0.6;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<Mutation> out = new ArrayList<>();
    for (Conditions.Condition c : Conditions.on(site)) {
      Expression e = c.expression();
      negate(site, e, out);
      if (e instanceof BinaryExpr b
          && (b.getOperator() == BinaryExpr.Operator.AND
              || b.getOperator() == BinaryExpr.Operator.OR)) {
        negate(site, b.getLeft(), out);
        negate(site, b.getRight(), out);
      }
    }
    return out;
  }

  private void negate(Site site, Expression e, List<Mutation> out) {
    String now = Conditions.negated(site, e);
    out.add(
        new Mutation(
            site.start(e), site.end(e), now, id() + ": `" + site.source(e) + "` → `" + now + "`"));
  }
}
