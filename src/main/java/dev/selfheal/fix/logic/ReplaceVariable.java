package dev.selfheal.fix.logic;

import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wrong variable: one the line reads replaced by another in scope of the same declared type
 * (any type when the text does not say, the compiler deciding), nearest declarations first.
 */
public final class ReplaceVariable implements RepairTemplate {
  /** Alternatives per use: past the nearest few, a replacement is more guess than fix. */
  private static final int MAX_ALTERNATIVES = 6;

  @Override
  public String id() {
    return "variable-replacement";
  }

  @Override
  public String description() {
    return "Replaces a variable with another in scope of the same type.";
  }

  @Override
  public double prior() {
    return 0.4;
  }

  @Override
  public List<Mutation> at(Site site) {
    List<List<Mutation>> out = new ArrayList<>();
    List<Site.Variable> scope = site.variables();
    for (NameExpr n : site.on(NameExpr.class)) {
      String name = n.getNameAsString();
      Optional<Site.Variable> self = scope.stream().filter(v -> v.name().equals(name)).findFirst();
      if (self.isEmpty()) {
        continue; // a type or a constant of another class, not a variable in scope
      }
      String type = self.get().type();
      List<Mutation> here = new ArrayList<>();
      for (Site.Variable v : scope) {
        if (here.size() == MAX_ALTERNATIVES) {
          break;
        }
        boolean sameType = type == null || v.type() == null || type.equals(v.type());
        if (!v.name().equals(name) && sameType) {
          here.add(
              new Mutation(
                  site.start(n),
                  site.end(n),
                  v.name(),
                  id() + ": `" + name + "` → `" + v.name() + "` in `" + line(site) + "`"));
        }
      }
      out.add(here);
    }
    return Operators.interleave(out);
  }

  private static String line(Site site) {
    int s = site.lineStart(site.line());
    int e = site.text().indexOf('\n', s);
    return site.text().substring(s, e < 0 ? site.text().length() : e).strip();
  }
}
