package dev.selfheal.fix.logic;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition that checks too much: one operand of its {@code &&} or {@code ||} dropped, or an
 * {@code if}'s condition removed (its body then always runs).
 */
public final class RemoveCondition implements RepairTemplate {
  @Override
  public String id() {
    return "condition-removal";
  }

  @Override
  public String description() {
    return "Drops a part of a condition, or an if's condition altogether.";
  }

  @Override
  public double prior() {
    return 0.4;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<Mutation> out = new ArrayList<>();
    for (Conditions.Condition c : Conditions.on(site)) {
      Expression e = c.expression();
      for (BinaryExpr b : e.findAll(BinaryExpr.class)) {
        if (b.getOperator() == BinaryExpr.Operator.AND
            || b.getOperator() == BinaryExpr.Operator.OR) {
          keep(site, b, b.getLeft(), out);
          keep(site, b, b.getRight(), out);
        }
      }
      if (c.ofIf() && !e.isBooleanLiteralExpr()) {
        out.add(
            new Mutation(
                site.start(e),
                site.end(e),
                "true",
                id() + ": `if (" + site.source(e) + ")` → always"));
      }
    }
    return out;
  }

  private void keep(Site site, BinaryExpr b, Expression kept, List<Mutation> out) {
    String now = site.source(kept);
    out.add(
        new Mutation(
            site.start(b), site.end(b), now, id() + ": `" + site.source(b) + "` → `" + now + "`"));
  }
}
