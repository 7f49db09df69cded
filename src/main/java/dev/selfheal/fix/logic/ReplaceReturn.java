package dev.selfheal.fix.logic;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The wrong value returned: the returned expression replaced by a variable in scope of the method's
 * declared return type, or, for a boolean, by its negation or a constant.
 */
public final class ReplaceReturn implements RepairTemplate {
  private static final java.util.Set<String> INTEGRAL = java.util.Set.of("int", "long");

  @Override
  public String id() {
    return "return-value";
  }

  @Override
  public String description() {
    return "Returns another value in scope of the method's return type.";
  }

  @Override
  public double prior() {
    return 0.3;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<Mutation> out = new ArrayList<>();
    var callable = site.callable();
    if (callable.isEmpty() || !(callable.get() instanceof MethodDeclaration md)) {
      return out;
    }
    String type = md.getType().asString();
    for (ReturnStmt r : site.on(ReturnStmt.class)) {
      if (r.getExpression().isEmpty()) {
        continue;
      }
      Expression e = r.getExpression().get();
      String was = site.source(e);
      List<String> to = new ArrayList<>();
      if (type.equals("boolean") || type.equals("Boolean")) {
        to.add(Conditions.negated(site, e));
        to.add("true");
        to.add("false");
        // A constant answer where a counter should decide: `return depth == 0`.
        site.variables().stream()
            .filter(v -> INTEGRAL.contains(String.valueOf(v.type())))
            .limit(3)
            .forEach(
                v -> {
                  to.add(v.name() + " == 0");
                  to.add(v.name() + " > 0");
                });
      }
      for (Site.Variable v : site.variables()) {
        if (type.equals(v.type())) {
          to.add(v.name());
        }
      }
      for (String t : to) {
        if (!t.equals(was)) {
          out.add(
              new Mutation(
                  site.start(e),
                  site.end(e),
                  t,
                  id() + ": `return " + was + "` → `return " + t + "`"));
        }
      }
    }
    return out;
  }
}
