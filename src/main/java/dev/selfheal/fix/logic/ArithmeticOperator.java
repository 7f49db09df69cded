package dev.selfheal.fix.logic;

import static com.github.javaparser.ast.expr.BinaryExpr.Operator.BINARY_AND;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.BINARY_OR;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.DIVIDE;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.LEFT_SHIFT;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.MINUS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.MULTIPLY;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.REMAINDER;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.XOR;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An arithmetic, bitwise or shift operator replaced by another of its family — in an expression, a
 * compound assignment ({@code ^=} for {@code &=}), an increment ({@code ++} for {@code --}) — or a
 * unary minus dropped.
 */
public final class ArithmeticOperator implements RepairTemplate {
  private static final Map<BinaryExpr.Operator, List<BinaryExpr.Operator>> ALTERNATIVES =
      Map.ofEntries(
          Map.entry(PLUS, List.of(MINUS, MULTIPLY, DIVIDE, REMAINDER)),
          Map.entry(MINUS, List.of(PLUS, MULTIPLY, DIVIDE, REMAINDER)),
          Map.entry(MULTIPLY, List.of(DIVIDE, PLUS, MINUS, REMAINDER)),
          Map.entry(DIVIDE, List.of(MULTIPLY, REMAINDER, PLUS, MINUS)),
          Map.entry(REMAINDER, List.of(DIVIDE, MULTIPLY, PLUS, MINUS)),
          Map.entry(BINARY_AND, List.of(BINARY_OR, XOR)),
          Map.entry(BINARY_OR, List.of(BINARY_AND, XOR)),
          Map.entry(XOR, List.of(BINARY_AND, BINARY_OR)),
          Map.entry(LEFT_SHIFT, List.of(SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT)),
          Map.entry(SIGNED_RIGHT_SHIFT, List.of(UNSIGNED_RIGHT_SHIFT, LEFT_SHIFT)),
          Map.entry(UNSIGNED_RIGHT_SHIFT, List.of(SIGNED_RIGHT_SHIFT, LEFT_SHIFT)));

  @Override
  public String id() {
    return "arithmetic-operator";
  }

  @Override
  public String description() {
    return "Replaces an arithmetic, bitwise or shift operator with another of its family.";
  }

  @Override
  public double prior() {
    return 0.7;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<List<Mutation>> out = new ArrayList<>();
    for (BinaryExpr b : site.on(BinaryExpr.class)) {
      List<BinaryExpr.Operator> to = ALTERNATIVES.get(b.getOperator());
      if (to == null) {
        continue;
      }
      boolean text =
          b.getOperator() == PLUS
              && (Operators.notNumeric(b.getLeft()) || Operators.notNumeric(b.getRight()));
      if (text) {
        continue; // string concatenation
      }
      List<Mutation> here = new ArrayList<>();
      for (BinaryExpr.Operator op : to) {
        if (identity(op, b)) {
          continue; // `1 * x` is `x` written longer: dropping the operand says it plainly
        }
        Operators.replaceOperator(site, b, op, id()).ifPresent(here::add);
      }
      dropLiteral(site, b).ifPresent(here::add);
      out.add(here);
    }
    for (AssignExpr a : site.on(AssignExpr.class)) {
      BinaryExpr.Operator op = a.getOperator().toBinaryOperator().orElse(null);
      List<BinaryExpr.Operator> to = op == null ? null : ALTERNATIVES.get(op);
      if (to == null) {
        continue;
      }
      List<Mutation> here = new ArrayList<>();
      int from = site.end(a.getTarget());
      int until = site.start(a.getValue());
      String gap = site.text().substring(from, until);
      String was = a.getOperator().asString();
      int at = gap.indexOf(was);
      if (at < 0) {
        continue;
      }
      for (BinaryExpr.Operator t : to) {
        String now = t.asString() + "=";
        here.add(
            new Mutation(
                from + at,
                from + at + was.length(),
                now,
                id() + ": `" + was + "` → `" + now + "` in `" + site.source(a) + "`"));
      }
      out.add(here);
    }
    for (UnaryExpr u : site.on(UnaryExpr.class)) {
      unary(site, u).ifPresent(m -> out.add(List.of(m)));
    }
    return Operators.interleave(out);
  }

  /** Whether {@code op} would leave the expression its other operand: × or ÷ 1, + or − 0. */
  private static boolean identity(BinaryExpr.Operator op, BinaryExpr b) {
    String l =
        b.getLeft().isIntegerLiteralExpr() ? b.getLeft().asIntegerLiteralExpr().getValue() : "";
    String r =
        b.getRight().isIntegerLiteralExpr() ? b.getRight().asIntegerLiteralExpr().getValue() : "";
    return switch (op) {
      case MULTIPLY -> l.equals("1") || r.equals("1");
      case DIVIDE -> r.equals("1");
      case PLUS -> l.equals("0") || r.equals("0");
      case MINUS -> r.equals("0");
      default -> false;
    };
  }

  /** {@code 1 + x} → {@code x}: a constant term that should not be there. */
  private java.util.Optional<Mutation> dropLiteral(Site site, BinaryExpr b) {
    if (b.getOperator() != PLUS && b.getOperator() != MINUS) {
      return java.util.Optional.empty();
    }
    if (b.getLeft().isIntegerLiteralExpr() && b.getOperator() == PLUS) {
      String kept = site.source(b.getRight());
      return java.util.Optional.of(
          new Mutation(
              site.start(b),
              site.end(b),
              kept,
              id() + ": `" + site.source(b) + "` → `" + kept + "`"));
    }
    return java.util.Optional.empty(); // x ± n: off-by-one's
  }

  private java.util.Optional<Mutation> unary(Site site, UnaryExpr u) {
    String s = site.source(u);
    String was = u.getOperator().asString();
    int start = site.start(u);
    return switch (u.getOperator()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
        String now = was.equals("++") ? "--" : "++";
        int at = u.isPrefix() ? 0 : s.length() - 2;
        if (!s.startsWith(was, at)) {
          yield java.util.Optional.empty();
        }
        yield java.util.Optional.of(
            new Mutation(
                start + at,
                start + at + 2,
                now,
                id() + ": `" + s + "` → `" + s.substring(0, at) + now + s.substring(at + 2) + "`"));
      }
      case MINUS -> {
        String inner = site.source(u.getExpression());
        yield java.util.Optional.of(
            new Mutation(start, site.end(u), inner, id() + ": `" + s + "` → `" + inner + "`"));
      }
      default -> java.util.Optional.empty();
    };
  }
}
