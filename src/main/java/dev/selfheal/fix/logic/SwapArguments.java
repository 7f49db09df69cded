package dev.selfheal.fix.logic;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Two things in the wrong order: a call's arguments (neighbours first), the operands of a
 * subtraction, division, remainder or string concatenation, or {@code a.compareTo(b)}'s sides.
 */
public final class SwapArguments implements RepairTemplate {
  @Override
  public String id() {
    return "swapped-arguments";
  }

  @Override
  public String description() {
    return "Swaps two arguments of a call, or the operands of an operator that cares about order.";
  }

  @Override
  public double prior() {
    return 0.5;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<Mutation> out = new ArrayList<>();
    for (MethodCallExpr m : site.on(MethodCallExpr.class)) {
      swaps(site, m.getArguments(), out);
      if (m.getNameAsString().equals("compareTo")
          && m.getArguments().size() == 1
          && m.getScope().isPresent()) {
        Expression a = m.getScope().get();
        Expression b = m.getArguments().get(0);
        String now = Operators.operand(site, b) + ".compareTo(" + site.source(a) + ")";
        out.add(
            new Mutation(
                site.start(m),
                site.end(m),
                now,
                id() + ": `" + site.source(m) + "` → `" + now + "`"));
      }
    }
    for (ObjectCreationExpr o : site.on(ObjectCreationExpr.class)) {
      swaps(site, o.getArguments(), out);
    }
    for (BinaryExpr b : site.on(BinaryExpr.class)) {
      boolean ordered =
          switch (b.getOperator()) {
            case MINUS, DIVIDE, REMAINDER -> true;
            case PLUS ->
                Operators.notNumeric(b.getLeft())
                    || Operators.notNumeric(b.getRight())
                    || b.getLeft().isMethodCallExpr()
                    || b.getRight().isMethodCallExpr();
            default -> false;
          };
      if (ordered && !b.getLeft().isBinaryExpr()) {
        String now =
            site.source(b.getRight())
                + site.text().substring(site.end(b.getLeft()), site.start(b.getRight()))
                + site.source(b.getLeft());
        out.add(
            new Mutation(
                site.start(b),
                site.end(b),
                now,
                id() + ": `" + site.source(b) + "` → `" + now + "`"));
      }
    }
    return out;
  }

  private void swaps(Site site, NodeList<Expression> args, List<Mutation> out) {
    int n = args.size();
    List<int[]> pairs = new ArrayList<>();
    for (int d = 1; d < n; d++) {
      for (int i = 0; i + d < n; i++) {
        pairs.add(new int[] {i, i + d});
      }
    }
    for (int[] p : pairs) {
      Expression a = args.get(p[0]);
      Expression b = args.get(p[1]);
      if (site.source(a).equals(site.source(b))) {
        continue;
      }
      int start = site.start(a);
      int end = site.end(b);
      String now =
          site.source(b) + site.text().substring(site.end(a), site.start(b)) + site.source(a);
      out.add(
          new Mutation(
              start,
              end,
              now,
              id() + ": `" + site.source(a) + "` and `" + site.source(b) + "` swapped"));
    }
  }
}
