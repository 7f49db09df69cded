package dev.selfheal.fix.logic;

import static com.github.javaparser.ast.expr.BinaryExpr.Operator.AND;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.GREATER;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.GREATER_EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS_EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.OR;

import com.github.javaparser.ast.expr.BinaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A comparison with the wrong operator: {@code <} for {@code <=} (a boundary) first, then the
 * reversed direction, then the rest; {@code ==} and {@code !=} between each other only when an
 * operand is not a number; {@code &&} and {@code ||} for each other.
 */
public final class RelationalOperator implements RepairTemplate {
  private static final Map<BinaryExpr.Operator, List<BinaryExpr.Operator>> ALTERNATIVES =
      Map.of(
          LESS, List.of(LESS_EQUALS, GREATER, GREATER_EQUALS, NOT_EQUALS, EQUALS),
          LESS_EQUALS, List.of(LESS, GREATER_EQUALS, GREATER, EQUALS, NOT_EQUALS),
          GREATER, List.of(GREATER_EQUALS, LESS, LESS_EQUALS, NOT_EQUALS, EQUALS),
          GREATER_EQUALS, List.of(GREATER, LESS_EQUALS, LESS, EQUALS, NOT_EQUALS),
          EQUALS, List.of(NOT_EQUALS, LESS_EQUALS, GREATER_EQUALS, LESS, GREATER),
          NOT_EQUALS, List.of(EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS),
          AND, List.of(OR),
          OR, List.of(AND));

  @Override
  public String id() {
    return "relational-operator";
  }

  @Override
  public String description() {
    return "Replaces a comparison's (or a condition's) operator with another.";
  }

  @Override
  public double prior() {
    return 0.9;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<List<Mutation>> out = new ArrayList<>();
    for (BinaryExpr b : site.on(BinaryExpr.class)) {
      List<BinaryExpr.Operator> to = ALTERNATIVES.get(b.getOperator());
      if (to == null) {
        continue;
      }
      boolean identity =
          (b.getOperator() == EQUALS || b.getOperator() == NOT_EQUALS)
              && (Operators.notNumeric(b.getLeft()) || Operators.notNumeric(b.getRight()));
      List<Mutation> here = new ArrayList<>();
      for (BinaryExpr.Operator op : to) {
        if (identity && op != EQUALS && op != NOT_EQUALS) {
          continue;
        }
        Operators.replaceOperator(site, b, op, id()).ifPresent(here::add);
      }
      out.add(here);
    }
    return Operators.interleave(out);
  }
}
