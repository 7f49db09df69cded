package dev.selfheal.breakage;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Changes a value production code returns (a returned literal, or a switch expression's arm), where
 * a test asserts it. Committed as a {@code feat:}, the change is intended and the fix updates the
 * tests' expected literals; committed without saying so ({@link Kind#REGRESS_OUTPUT}), it is a
 * regression the tests caught: the right fix restores the value (never the tests), or none.
 */
public final class ChangeOutput implements Operator {
  private final boolean intended;

  public ChangeOutput(boolean intended) {
    this.intended = intended;
  }

  @Override
  public Kind kind() {
    return intended ? Kind.CHANGE_OUTPUT : Kind.REGRESS_OUTPUT;
  }

  @Override
  public List<Breakage> breakages(SourceTree project) {
    String tests = project.testText();
    List<Breakage> out = new ArrayList<>();
    for (String file : project.mainFiles()) {
      var cu = project.parse(file);
      if (cu.isEmpty()) {
        continue;
      }
      for (MethodDeclaration md : cu.get().findAll(MethodDeclaration.class)) {
        List<Expression> values = new ArrayList<>();
        md.findAll(ReturnStmt.class).forEach(r -> r.getExpression().ifPresent(values::add));
        md.findAll(SwitchEntry.class).stream()
            .filter(
                e -> e.getType() == SwitchEntry.Type.EXPRESSION && e.getStatements().size() == 1)
            .forEach(
                e ->
                    e.getStatement(0)
                        .toExpressionStmt()
                        .ifPresent(x -> values.add(x.getExpression())));
        for (Expression v : values) {
          String replacement = replacement(v, tests);
          if (replacement == null) {
            continue;
          }
          String text = project.text(file);
          int[] span = Methods.span(text, v);
          String broken = text.substring(0, span[0]) + replacement + text.substring(span[1]);
          String type =
              md.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
                  .map(
                      t ->
                          ((com.github.javaparser.ast.body.TypeDeclaration<?>) t).getNameAsString())
                  .orElse("?");
          String where = type + "." + md.getNameAsString();
          String was = text.substring(span[0], span[1]);
          out.add(
              new Breakage(
                  kind().id() + ":" + where + ":" + was,
                  kind(),
                  where + " returns " + replacement + " instead of " + was,
                  intended
                      ? "feat: " + where + " now returns " + replacement
                      : "refactor: tidy " + type,
                  Map.of(file, broken),
                  Set.of(),
                  intended
                      ? new Expectation.TestLiterals("java/intended-output-change")
                      // Not said to be on purpose: the tests caught a regression. The right fix
                      // restores the value, never the tests' expectations; a returned literal is
                      // often checked by one test alone, too little evidence to fix it, so
                      // declining is right as well.
                      : new Expectation.Restore("java/logic-repair", Map.of(file, text))));
        }
      }
    }
    return out;
  }

  /** The new literal, when the value is one a test asserts; null otherwise. */
  private static String replacement(Expression v, CharSequence tests) {
    if (v instanceof StringLiteralExpr s && !s.getValue().isBlank()) {
      boolean asserted = tests.toString().contains(s.getValue());
      return asserted ? "\"" + s.getValue() + "!\"" : null;
    }
    if (v instanceof IntegerLiteralExpr i && i.getValue().matches("\\d{1,6}")) {
      boolean asserted =
          Pattern.compile("assert\\w*\\(\\s*" + i.getValue() + "\\s*,").matcher(tests).find();
      return asserted ? String.valueOf(Integer.parseInt(i.getValue()) + 5) : null;
    }
    return null;
  }
}
