package dev.selfheal.fix.logic;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A missing null check on a variable the line dereferences: added to the line's condition ({@code x
 * == null || …}, {@code x != null && …}), around its statement ({@code if (x != null) { … }}), or
 * as an early return before it.
 */
public final class NullGuard implements RepairTemplate {
  private static final Set<String> PRIMITIVE =
      Set.of("int", "long", "short", "byte", "char", "boolean", "double", "float");

  @Override
  public String id() {
    return "null-guard";
  }

  @Override
  public String description() {
    return "Adds a null check for a variable the line dereferences.";
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
      String cond = site.source(e);
      for (String x : dereferenced(site, e)) {
        // || binds loosest: only a ternary or an assignment needs parentheses after it; after &&,
        // an || does too.
        boolean loose = e.isConditionalExpr() || e.isAssignExpr() || e.isLambdaExpr();
        boolean or = e.isBinaryExpr() && e.asBinaryExpr().getOperator() == BinaryExpr.Operator.OR;
        String afterOr = loose ? "(" + cond + ")" : cond;
        String afterAnd = loose || or ? "(" + cond + ")" : cond;
        for (String now : List.of(x + " == null || " + afterOr, x + " != null && " + afterAnd)) {
          out.add(
              new Mutation(
                  site.start(e), site.end(e), now, id() + ": `" + cond + "` → `" + now + "`"));
        }
      }
    }
    for (Statement s : site.on(Statement.class)) {
      if (!(s instanceof ExpressionStmt || s instanceof ReturnStmt)) {
        continue;
      }
      int lineStart = site.lineStart(s.getBegin().orElseThrow().line);
      String indent = site.text().substring(lineStart, site.start(s));
      if (!indent.isBlank()) {
        continue; // the statement shares its line with others
      }
      String step = site.indentUnit();
      for (String x : dereferenced(site, s)) {
        if (s instanceof ExpressionStmt) {
          String now =
              "if (" + x + " != null) {\n" + indent + step + site.source(s) + "\n" + indent + "}";
          out.add(
              new Mutation(
                  site.start(s),
                  site.end(s),
                  now,
                  id() + ": `" + site.source(s) + "` runs only when `" + x + "` is not null"));
        }
        String fallback = fallback(site);
        if (fallback != null) {
          String guard =
              indent
                  + "if ("
                  + x
                  + " == null) {\n"
                  + indent
                  + step
                  + fallback
                  + "\n"
                  + indent
                  + "}\n";
          out.add(
              new Mutation(
                  lineStart,
                  lineStart,
                  guard,
                  id() + ": `" + fallback + "` when `" + x + "` is null"));
        }
      }
    }
    return out;
  }

  /** Variables a node calls a method on or reads a field of, when they may be null. */
  private static Set<String> dereferenced(Site site, com.github.javaparser.ast.Node n) {
    Set<String> out = new LinkedHashSet<>();
    for (MethodCallExpr m : n.findAll(MethodCallExpr.class)) {
      m.getScope()
          .filter(Expression::isNameExpr)
          .map(x -> x.asNameExpr().getNameAsString())
          .ifPresent(out::add);
    }
    for (FieldAccessExpr f : n.findAll(FieldAccessExpr.class)) {
      if (f.getScope() instanceof NameExpr x) {
        out.add(x.getNameAsString());
      }
    }
    out.removeIf(
        x ->
            site.variables().stream().noneMatch(v -> v.name().equals(x))
                || site.typeOf(x).filter(PRIMITIVE::contains).isPresent());
    return out;
  }

  /** What the method returns when the guard trips: nothing, false, zero or null. */
  private static String fallback(Site site) {
    var m = site.callable();
    if (m.isEmpty()) {
      return null;
    }
    if (!(m.get() instanceof MethodDeclaration md)) {
      return "return;";
    }
    String t = md.getType().asString();
    return switch (t) {
      case "void" -> "return;";
      case "boolean" -> "return false;";
      case "int", "long", "short", "byte", "char", "double", "float" -> "return 0;";
      default -> "return null;";
    };
  }
}
