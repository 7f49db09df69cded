package dev.selfheal.fix.logic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An off-by-one: a bound, an index or an integer one too high or too low — {@code e} becomes {@code
 * e + 1} or {@code e - 1} where it is compared, indexes an array, is an index-taking method's or a
 * call's integer argument, or is an integer literal; an existing {@code ± 1} is dropped.
 */
public final class OffByOne implements RepairTemplate {
  private static final Set<String> INDEXING =
      Set.of(
          "get",
          "charAt",
          "substring",
          "subList",
          "set",
          "remove",
          "add",
          "insert",
          "deleteCharAt",
          "codePointAt",
          "indexOf",
          "copyOfRange",
          "range",
          "rangeClosed",
          "limit",
          "skip");
  private static final Set<String> INTEGRAL =
      Set.of("int", "long", "short", "byte", "Integer", "Long", "Short", "Byte");

  @Override
  public String id() {
    return "off-by-one";
  }

  @Override
  public String description() {
    return "Moves a bound, an index or an integer by one.";
  }

  @Override
  public double prior() {
    return 0.8;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<List<Mutation>> out = new ArrayList<>();
    Set<Node> seen = new LinkedHashSet<>();
    for (BinaryExpr b : site.on(BinaryExpr.class)) {
      if (Operators.RELATIONAL.contains(b.getOperator())) {
        shift(site, b.getRight(), seen, out);
        shift(site, b.getLeft(), seen, out);
      }
      boolean plusMinusOne =
          (b.getOperator() == BinaryExpr.Operator.PLUS
                  || b.getOperator() == BinaryExpr.Operator.MINUS)
              && b.getRight() instanceof IntegerLiteralExpr one
              && one.getValue().equals("1");
      if (plusMinusOne) {
        String left = site.source(b.getLeft());
        out.add(
            List.of(
                new Mutation(
                    site.start(b),
                    site.end(b),
                    left,
                    id() + ": `" + site.source(b) + "` → `" + left + "`")));
      }
    }
    for (ArrayAccessExpr a : site.on(ArrayAccessExpr.class)) {
      shift(site, a.getIndex(), seen, out);
    }
    for (MethodCallExpr m : site.on(MethodCallExpr.class)) {
      boolean indexing = INDEXING.contains(m.getNameAsString());
      for (Expression arg : m.getArguments()) {
        boolean integral =
            arg.isIntegerLiteralExpr()
                || (arg.isNameExpr()
                    && site.typeOf(arg.asNameExpr().getNameAsString())
                        .filter(INTEGRAL::contains)
                        .isPresent());
        if (indexing || integral) {
          shift(site, arg, seen, out);
        }
      }
    }
    for (IntegerLiteralExpr i : site.on(IntegerLiteralExpr.class)) {
      shift(site, i, seen, out);
    }
    return Operators.interleave(out);
  }

  private void shift(Site site, Expression e, Set<Node> seen, List<List<Mutation>> out) {
    if (!seen.add(e)
        || e.isStringLiteralExpr()
        || e.isNullLiteralExpr()
        || e.isBooleanLiteralExpr()) {
      return;
    }
    String s = site.source(e);
    List<String> to = new ArrayList<>();
    if (e instanceof IntegerLiteralExpr i && i.getValue().matches("\\d+")) {
      long v = Long.parseLong(i.getValue());
      to.add(Long.toString(v + 1));
      if (v > 0) {
        to.add(Long.toString(v - 1));
      }
    } else {
      String operand = Operators.operand(site, e);
      boolean additive =
          e instanceof BinaryExpr b
              && (b.getOperator() == BinaryExpr.Operator.PLUS
                  || b.getOperator() == BinaryExpr.Operator.MINUS);
      String base = additive ? s : operand;
      to.add(base + " + 1");
      to.add(base + " - 1");
    }
    List<Mutation> here = new ArrayList<>();
    for (String t : to) {
      here.add(new Mutation(site.start(e), site.end(e), t, id() + ": `" + s + "` → `" + t + "`"));
    }
    out.add(here);
  }
}
